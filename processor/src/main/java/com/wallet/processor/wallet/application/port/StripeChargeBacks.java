package com.wallet.processor.wallet.application.port;

import java.util.UUID;

/**
 * Port: what Stripe reported taking back from a deposit, one fact per Stripe object (the charge's
 * cumulative refund, each dispute and its outcome). Recording a fact never moves money:
 * {@link DepositChargeBacks} posts the difference to the ledger.
 */
public interface StripeChargeBacks {

    enum DisputeState { OPEN, WON, LOST }

    /** The charge's cumulative amount_refunded; a smaller, late value changes nothing. */
    void refunded(UUID transactionId, String chargeId, long cumulativeAmount);

    /**
     * A dispute seen in some state. OPEN never undoes an outcome that arrived first, LOST replaces
     * OPEN, WON (Stripe reinstated the funds) replaces anything.
     */
    void disputed(UUID transactionId, String disputeId, long amount, DisputeState state);

    /** @param disputedNotWon the amount of the disputes open or lost */
    record Claims(long refunded, long disputedNotWon) {
    }

    Claims claims(UUID transactionId);
}
