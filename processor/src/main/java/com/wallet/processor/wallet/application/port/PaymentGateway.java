package com.wallet.processor.wallet.application.port;

import java.util.UUID;

/** Port: the payment provider (Stripe). Called outside any database transaction. */
public interface PaymentGateway {

    PaymentResult createPayment(DepositPayment payment);

    /** The PaymentIntent as Stripe has it now (a GET: safe to repeat). */
    PaymentLookup retrievePayment(String paymentIntentId);

    /** Cancels a PaymentIntent nobody can finish, idempotency key "deposit-cancel-&lt;txId&gt;". */
    PaymentLookup cancelPayment(String paymentIntentId, UUID transactionId);

    /**
     * Creates the withdrawal's Transfer with the key "withdrawal-&lt;txId&gt;" and transfer_group =
     * the transaction id (so it can be found by listing even after Stripe forgot the key).
     */
    PayoutResult createPayout(Payout payout);

    /** A Transfer whose id is recorded (a GET: safe to repeat, never creates). */
    TransferLookup retrieveTransfer(String transferId);

    /** The Transfer Stripe holds for this withdrawal (transfer_group = the transaction id), if any. */
    TransferLookup findTransfer(UUID transactionId);

    /**
     * Idempotency key derived from the transaction id, so every retry is the same request.
     *
     * @param requestId the transaction row's request id (metadata request_id), or null: never the
     *                  caller's current one, since another value under the same key is an idempotency_error
     */
    record DepositPayment(UUID transactionId, UUID walletId, long amount, String currency, String paymentMethod,
                          String requestId) {
        public DepositPayment(UUID transactionId, UUID walletId, long amount, String currency, String paymentMethod) {
            this(transactionId, walletId, amount, currency, paymentMethod, null);
        }

        public String idempotencyKey() {
            return "deposit-" + transactionId;
        }

        public static String cancelIdempotencyKey(UUID transactionId) {
            return "deposit-cancel-" + transactionId;
        }
    }

    /** @param requestId as {@link DepositPayment#requestId()} */
    record Payout(UUID transactionId, UUID walletId, long amount, String currency, String destination,
                  String requestId) {
        public Payout(UUID transactionId, UUID walletId, long amount, String currency, String destination) {
            this(transactionId, walletId, amount, currency, destination, null);
        }

        public String idempotencyKey() {
            return "withdrawal-" + transactionId;
        }
    }

    sealed interface PaymentResult permits PaymentAccepted, PaymentDeclined, PaymentFailed, PaymentUncertain {
    }

    /**
     * The PaymentIntent exists and was confirmed (succeeded, processing or requires_action).
     *
     * @param customerAction what the customer must do (3-D Secure), when the status is requires_action; else null
     */
    record PaymentAccepted(String paymentIntentId, String status, CustomerAction customerAction) implements PaymentResult {
        public PaymentAccepted(String paymentIntentId, String status) {
            this(paymentIntentId, status, null);
        }
    }

    /**
     * What the client needs to finish a payment that requires action: the PaymentIntent's client
     * secret (a credential for that one payment: kept encrypted, shown to its owner only) and
     * Stripe's next_action.
     *
     * @param nextAction next_action's type and, for a redirect, its url
     */
    record CustomerAction(String clientSecret, java.util.Map<String, String> nextAction) {
        @Override
        public String toString() {
            return "CustomerAction[nextAction=" + nextAction + "]";
        }
    }

    /** The card was declined at confirmation (HTTP 402). */
    record PaymentDeclined(String paymentIntentId, String code) implements PaymentResult {
    }

    /** A definitive failure: Stripe answered and did nothing (4xx other than 402, 409 and 429). */
    record PaymentFailed(String error) implements PaymentResult {
    }

    /**
     * No answer after the bounded retries (network error, 5xx, 409 while the key is in flight,
     * 429): Stripe may or may not have created and charged the PaymentIntent. Only asking again
     * with the same idempotency key tells.
     */
    record PaymentUncertain(String error) implements PaymentResult {
    }

    sealed interface PaymentLookup permits PaymentFound, PaymentNotFound, PaymentLookupFailed {
    }

    /**
     * @param status        Stripe's status (succeeded, processing, requires_action, requires_payment_method, canceled, ...)
     * @param currency      lower case, as Stripe writes it; null when unknown
     * @param lastErrorCode last_payment_error.code (card_declined, ...), else its decline_code; null when none
     */
    record PaymentFound(String paymentIntentId, String status, long amount, String currency, String lastErrorCode)
            implements PaymentLookup {
        /** Where the currency is not known (then settlement does not compare it). */
        public PaymentFound(String paymentIntentId, String status, long amount, String lastErrorCode) {
            this(paymentIntentId, status, amount, null, lastErrorCode);
        }
    }

    /**
     * Stripe answered that no such PaymentIntent exists (404 resource_missing): a definitive
     * answer, unlike a failed call.
     */
    record PaymentNotFound(String paymentIntentId) implements PaymentLookup {
    }

    /** The call did not succeed (after retries); nothing is known. */
    record PaymentLookupFailed(String error) implements PaymentLookup {
    }

    sealed interface PayoutResult permits PayoutCreated, PayoutRefused, PayoutAmbiguous {
    }

    /** Stripe answered with the Transfer (created now, or replayed for the same key). */
    record PayoutCreated(String transferId) implements PayoutResult {
    }

    /** A definitive refusal (a 4xx other than 409 and 429): Stripe created nothing, the funds may go back. */
    record PayoutRefused(String error) implements PayoutResult {
    }

    /**
     * No certain answer after the bounded retries (no answer, 5xx, 409 key in flight, 429, the key
     * already used): a Transfer may exist. The withdrawal stays PROCESSING until Stripe is asked.
     */
    record PayoutAmbiguous(String error) implements PayoutResult {
    }

    sealed interface TransferLookup permits TransferFound, TransferNotFound, TransferLookupFailed {
    }

    /** @param currency lower case, as Stripe writes it */
    record TransferFound(String transferId, long amount, String currency, long amountReversed) implements TransferLookup {
    }

    /** Stripe answered and holds no such Transfer (404 resource_missing, or none listed for the group). */
    record TransferNotFound() implements TransferLookup {
    }

    /** The call did not succeed (after retries); nothing is known. */
    record TransferLookupFailed(String error) implements TransferLookup {
    }
}
