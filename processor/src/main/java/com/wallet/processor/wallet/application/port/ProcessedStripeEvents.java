package com.wallet.processor.wallet.application.port;

/** Port: each Stripe event applied at most once. */
public interface ProcessedStripeEvents {

    /** @return false when the event was already applied */
    boolean markProcessed(String eventId, String eventType);
}
