package com.wallet.processor.wallet.domain;

/**
 * What a completed deposit must take back from, or give back to, its wallet now, given what Stripe
 * reports and what the ledger already did. Refunds and disputes net against each other and never
 * take back more than was deposited: refunds first (Stripe's cumulative amount_refunded), then the
 * disputes not won, up to what is left. Because the targets are recomputed from all the facts on
 * every event, the same facts in any order, repeated or late, end at the same postings.
 *
 * @param refund  &gt; 0: take back for refunds (a refund is never given back, so never &lt; 0)
 * @param dispute &gt; 0: take back for disputes; &lt; 0: reinstate (a dispute won, or the money refunded instead)
 */
public record ChargeBackDeltas(long refund, long dispute) {

    /**
     * @param deposited      what the deposit credited
     * @param refunded       Stripe's cumulative refunded amount
     * @param disputedNotWon the disputes open or lost
     * @param refundTaken    what the ledger took back for refunds so far
     * @param disputeTaken   what the ledger took back for disputes, net of reinstatements
     */
    public static ChargeBackDeltas of(long deposited, long refunded, long disputedNotWon, long refundTaken,
                                      long disputeTaken) {
        long refundTarget = Math.min(deposited, refunded);
        long disputeTarget = Math.min(deposited - refundTarget, disputedNotWon);
        return new ChargeBackDeltas(Math.max(0, refundTarget - refundTaken), disputeTarget - disputeTaken);
    }

    public boolean none() {
        return refund == 0 && dispute == 0;
    }
}
