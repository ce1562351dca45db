package com.wallet.common.messaging;

/**
 * A verified Stripe webhook event, reduced to what settlement needs, on stripe.events keyed by the
 * wallet id from the object's metadata (else the object id).
 *
 * @param eventId       Stripe's event id ({@code evt_...}); the processor applies each once
 * @param type          e.g. {@code payment_intent.succeeded}
 * @param objectId      id of the event's object ({@code pi_...}, {@code tr_...}, {@code ch_...})
 * @param paymentIntentId the PaymentIntent concerned, where there is one
 * @param walletId      metadata {@code wallet_id}, or null
 * @param transactionId metadata {@code transaction_id}, or null
 * @param amount        the object's amount in minor units (charge.refunded: the cumulative amount_refunded;
 *                      transfer.reversed: the cumulative amount_reversed)
 * @param failureCode   Stripe's failure or decline code, where there is one
 * @param created       Stripe's event time, epoch seconds
 * @param objectStatus  the object's {@code status} (a dispute's won/lost, a PaymentIntent's succeeded, ...), or null
 */
public record StripeEventMessage(
        String eventId,
        String type,
        String objectId,
        String paymentIntentId,
        String walletId,
        String transactionId,
        long amount,
        String currency,
        String failureCode,
        long created,
        String objectStatus) {
}
