package com.wallet.processor.wallet.application;

import java.util.UUID;

/** Port: the payment provider (Stripe). Called outside any database transaction. */
public interface PaymentGateway {

    PaymentResult createPayment(DepositPayment payment);

    PayoutResult createPayout(Payout payout);

    /** Idempotency key derived from the transaction id, so every retry is the same request. */
    record DepositPayment(UUID transactionId, UUID walletId, long amount, String currency, String paymentMethod) {
        public String idempotencyKey() {
            return "deposit-" + transactionId;
        }
    }

    record Payout(UUID transactionId, UUID walletId, long amount, String currency, String destination) {
        public String idempotencyKey() {
            return "withdrawal-" + transactionId;
        }
    }

    sealed interface PaymentResult permits PaymentAccepted, PaymentDeclined, PaymentFailed {
    }

    /** The PaymentIntent exists and was confirmed (succeeded, processing or requires_action). */
    record PaymentAccepted(String paymentIntentId, String status) implements PaymentResult {
    }

    /** The card was declined at confirmation (HTTP 402). */
    record PaymentDeclined(String paymentIntentId, String code) implements PaymentResult {
    }

    /** Any other failure after the bounded retries. */
    record PaymentFailed(String error) implements PaymentResult {
    }

    sealed interface PayoutResult permits PayoutCreated, PayoutFailed {
    }

    record PayoutCreated(String transferId) implements PayoutResult {
    }

    record PayoutFailed(String error) implements PayoutResult {
    }
}
