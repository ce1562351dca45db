package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionType;
import java.util.UUID;

/** The PENDING row written when a request is accepted; sensitive fields already sealed. */
public record PendingTransaction(UUID id, UUID walletId, UUID counterpartyWalletId, String userId,
                                 TransactionType type, long amount, String currency, byte[] sealedDescription,
                                 byte[] sealedPaymentMethod, String idempotencyKey, String requestFingerprint) {

    @Override
    public String toString() {
        return "PendingTransaction[" + id + " " + type + "]";
    }
}
