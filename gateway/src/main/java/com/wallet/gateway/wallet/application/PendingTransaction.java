package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionType;
import java.util.UUID;

/**
 * The PENDING row written when a request is accepted; sensitive fields already sealed.
 *
 * @param requestId the request's X-Request-Id (null when none is known): kept on the row, so the
 *                  processor sends one stable value to Stripe under the transaction's idempotency key
 */
public record PendingTransaction(UUID id, UUID walletId, UUID counterpartyWalletId, String userId,
                                 TransactionType type, long amount, String currency, byte[] sealedDescription,
                                 byte[] sealedPaymentMethod, String idempotencyKey, String requestFingerprint,
                                 String requestId) {

    @Override
    public String toString() {
        return "PendingTransaction[" + id + " " + type + "]";
    }
}
