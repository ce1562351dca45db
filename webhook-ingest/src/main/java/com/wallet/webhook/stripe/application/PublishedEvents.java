package com.wallet.webhook.stripe.application;

/** Event ids already published, remembered for a few days so Stripe's redeliveries are dropped. */
public interface PublishedEvents {

    boolean contains(String eventId);

    void remember(String eventId);
}
