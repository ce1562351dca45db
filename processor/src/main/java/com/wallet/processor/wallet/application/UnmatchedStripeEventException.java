package com.wallet.processor.wallet.application;

/**
 * A Stripe event the processor acts on (succeeded, failed, reversed, refunded, disputed) that
 * matches no transaction yet. Retried for a bounded time (an event can overtake the recording of
 * its PaymentIntent id, or travel on another partition than the event it follows), then
 * dead-lettered for an operator rather than silently dropped.
 */
public class UnmatchedStripeEventException extends RuntimeException {

    public UnmatchedStripeEventException(String message) {
        super(message);
    }
}
