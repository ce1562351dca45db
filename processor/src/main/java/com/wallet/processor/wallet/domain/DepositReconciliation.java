package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import java.time.Duration;
import java.util.Objects;

/**
 * What the reconciler does with a deposit stuck in PROCESSING (contract 6.4: every accepted
 * mutation reaches a final status), decided from what Stripe says about its PaymentIntent and how
 * old the transaction is. Pure rules, no I/O.
 */
public final class DepositReconciliation {

    public enum Action {
        /** Credit the wallet exactly as payment_intent.succeeded does. */
        SETTLE,
        /** End the deposit FAILED with {@link Decision#reason()}. */
        FAIL,
        /** Cancel the PaymentIntent at Stripe, then end the deposit FAILED PAYMENT_FAILED. */
        CANCEL,
        /** Nothing final yet: look again in a later round. */
        WAIT
    }

    /** @param reason the failure reason when {@code action} is FAIL, else null */
    public record Decision(Action action, FailureReason reason) {
        public Decision {
            Objects.requireNonNull(action, "action");
            if ((action == Action.FAIL) != (reason != null)) {
                throw new IllegalArgumentException("a reason goes with FAIL and only with FAIL");
            }
        }

        static Decision of(Action action) {
            return new Decision(action, null);
        }

        static Decision fail(FailureReason reason) {
            return new Decision(Action.FAIL, reason);
        }
    }

    private DepositReconciliation() {
    }

    /**
     * A deposit whose PaymentIntent is known.
     *
     * @param intentStatus          Stripe's PaymentIntent status
     * @param lastErrorCode         last_payment_error.code (or decline_code), null when none
     * @param age                   time since the transaction was created
     * @param requiresActionTimeout how long a customer may take for 3-D Secure (our API cannot offer it)
     */
    public static Decision forPaymentIntent(String intentStatus, String lastErrorCode, Duration age,
                                            Duration requiresActionTimeout) {
        if (intentStatus == null) {
            return Decision.of(Action.WAIT);
        }
        return switch (intentStatus) {
            case "succeeded" -> Decision.of(Action.SETTLE);
            // the same reasons payment_intent.payment_failed gives (card_declined and decline codes)
            case "requires_payment_method", "canceled" -> Decision.fail(WalletRules.paymentFailureReason(lastErrorCode));
            case "requires_action", "requires_confirmation" -> age.compareTo(requiresActionTimeout) >= 0
                    ? Decision.of(Action.CANCEL) : Decision.of(Action.WAIT);
            // processing (bank debits), requires_capture (not used here) or a status we do not know
            default -> Decision.of(Action.WAIT);
        };
    }

    /**
     * A deposit whose recorded PaymentIntent Stripe says does not exist. Nothing can have been
     * charged through an object Stripe does not hold, but an answer that contradicts our own record
     * is given time (another look each round) before it is final: FAILED PAYMENT_FAILED, with a
     * record for an operator.
     *
     * @param age          time since the transaction was created
     * @param missingAfter how long Stripe must keep saying so
     */
    public static Decision forMissingPaymentIntent(Duration age, Duration missingAfter) {
        return age.compareTo(missingAfter) >= 0 ? Decision.fail(FailureReason.PAYMENT_FAILED) : Decision.of(Action.WAIT);
    }

    /**
     * A deposit whose PaymentIntent could not be created or confirmed with certainty (no answer,
     * 5xx, 409, 429) even when asked again with the same idempotency key.
     */
    public static Decision afterUncertainPayment(Duration age, Duration giveUpAfter) {
        return age.compareTo(giveUpAfter) >= 0 ? Decision.fail(FailureReason.PAYMENT_FAILED) : Decision.of(Action.WAIT);
    }
}
