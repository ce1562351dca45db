package com.wallet.webhook.stripe.application;

/** What became of one webhook delivery. */
public enum IngestResult {
    /** Verified and acknowledged by Kafka. */
    PUBLISHED,
    /** Verified, but its event id was already published. */
    DUPLICATE,
    /** Verified, of a type the wallet does not use: not published. */
    IGNORED,
    /** Bad, stale or missing signature, or not a Stripe event: not published. */
    REJECTED,
    /** Verified, but Kafka did not acknowledge it: Stripe must retry. */
    UNAVAILABLE
}
