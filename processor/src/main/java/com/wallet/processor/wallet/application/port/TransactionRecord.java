package com.wallet.processor.wallet.application.port;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.util.UUID;

/**
 * A row of {@code transactions} as the processor needs it (payment method still encrypted).
 *
 * @param requestId the X-Request-Id the gateway accepted it under, or null (rows from before V8):
 *                  sent to Stripe as metadata request_id, the same on every call under the same key
 */
public record TransactionRecord(
        UUID id,
        UUID walletId,
        UUID counterpartyWalletId,
        TransactionType type,
        TransactionStatus status,
        long amount,
        String currency,
        FailureReason failureReason,
        byte[] sealedPaymentMethod,
        String stripePaymentIntentId,
        String stripeTransferId,
        String requestId) {

    /** A row without a request id. */
    public TransactionRecord(UUID id, UUID walletId, UUID counterpartyWalletId, TransactionType type,
                             TransactionStatus status, long amount, String currency, FailureReason failureReason,
                             byte[] sealedPaymentMethod, String stripePaymentIntentId, String stripeTransferId) {
        this(id, walletId, counterpartyWalletId, type, status, amount, currency, failureReason, sealedPaymentMethod,
                stripePaymentIntentId, stripeTransferId, null);
    }

    /** This deposit's row once settled: COMPLETED, with the PaymentIntent recorded. */
    public TransactionRecord settled(String paymentIntentId) {
        return new TransactionRecord(id, walletId, counterpartyWalletId, type, TransactionStatus.COMPLETED, amount, currency,
                null, sealedPaymentMethod, paymentIntentId, stripeTransferId, requestId);
    }
}
