package com.wallet.processor.wallet.application.port;

import java.util.UUID;

/** Port: refunds or disputes the balance could not cover, for an operator to recover. */
public interface Shortfalls {

    void record(UUID walletId, UUID transactionId, String stripeEventId, long amount, String currency, String reason);

    /** Marks the transaction's shortfalls resolved when its SHORTFALL postings sum to zero again. */
    int resolveCovered(UUID transactionId);
}
