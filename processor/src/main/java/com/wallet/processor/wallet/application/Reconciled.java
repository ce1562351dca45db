package com.wallet.processor.wallet.application;

import java.util.Locale;
import java.util.Objects;

/**
 * What one reconciler look at a stale transaction did: the outcome, and what decided it (the
 * {@code cause} tag of wallet.deposits.reconciled and wallet.withdrawals.reconciled), so an alert
 * can tell the reconciler's own give-up from a final status Stripe answered.
 */
public record Reconciled(Outcome outcome, Cause cause) {

    public enum Cause {
        /** Stripe's answer decided it (succeeded, declined, canceled after 3-D Secure, refused, created). */
        STRIPE_ANSWER,
        /** Still ambiguous after the give-up timeout: ended FAILED without an answer from Stripe. */
        GAVE_UP,
        /** Stripe kept saying a recorded object does not exist past the timeout: ended FAILED, operator record. */
        MISSING_AT_STRIPE,
        /** Nothing final yet: looked at again in a later round. */
        WAITING,
        /** The look failed (database, lock): taken again next round. */
        ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Reconciled {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cause, "cause");
    }

    /** An outcome decided by Stripe's answer, or WAITING when it left the transaction open. */
    public static Reconciled answered(Outcome outcome) {
        return new Reconciled(outcome, outcome == Outcome.PROCESSING ? Cause.WAITING : Cause.STRIPE_ANSWER);
    }

    /** Ended FAILED by the reconciler's own timeout ({@code cause}); one another path ended meanwhile is answered. */
    public static Reconciled gaveUp(Cause cause, Outcome outcome) {
        return outcome == Outcome.FAILED ? new Reconciled(outcome, cause) : answered(outcome);
    }

    public static Reconciled error() {
        return new Reconciled(Outcome.IGNORED, Cause.ERROR);
    }
}
