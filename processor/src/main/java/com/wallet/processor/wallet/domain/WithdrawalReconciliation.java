package com.wallet.processor.wallet.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What happens to a withdrawal left PROCESSING by an ambiguous payout (contract 6.7: never given
 * back while a Transfer for it may exist), decided from what Stripe answered. Pure rules, no I/O.
 * Only a definitive refusal of a create gives the money back; "not found" only permits creating
 * again with the same idempotency key, whose answer decides. The one exception: a recorded Transfer
 * Stripe says does not exist, with none for the withdrawal's transfer_group either, for long enough.
 */
public final class WithdrawalReconciliation {

    public enum Action {
        /** Record the Transfer id and end the withdrawal COMPLETED. */
        COMPLETE,
        /** Stripe created nothing and said so: credit the wallet back, FAILED PAYOUT_FAILED. */
        RESTORE,
        /**
         * Stripe holds neither the recorded Transfer nor any for the withdrawal, and has said so for
         * long enough: credit the wallet back, FAILED PAYOUT_FAILED, and a record for an operator.
         */
        RESTORE_MISSING,
        /** No Transfer exists for it: create it with the same idempotency key. */
        CREATE_AGAIN,
        /** Nothing certain yet (Stripe unreachable, key in flight, a disagreeing Transfer): ask again later. */
        WAIT
    }

    /** What Stripe answered about the withdrawal's Transfer (retrieved by id, or listed by transfer_group). */
    public sealed interface TransferState permits Exists, Absent, Unknown {
    }

    public record Exists(String transferId, long amount, String currency) implements TransferState {
        public Exists {
            Objects.requireNonNull(transferId, "transferId");
        }
    }

    public record Absent() implements TransferState {
    }

    public record Unknown() implements TransferState {
    }

    /** What Stripe answered to a create with the withdrawal's idempotency key. */
    public enum CreateAnswer { CREATED, REFUSED, AMBIGUOUS }

    /** @param transferId the Transfer to record when {@code action} is COMPLETE, else null */
    public record Decision(Action action, String transferId) {
        public Decision {
            Objects.requireNonNull(action, "action");
            if ((action == Action.COMPLETE) != (transferId != null)) {
                throw new IllegalArgumentException("a transfer id goes with COMPLETE and only with COMPLETE");
            }
        }

        static Decision of(Action action) {
            return new Decision(action, null);
        }
    }

    private WithdrawalReconciliation() {
    }

    /**
     * @param state    Stripe's answer
     * @param recorded whether a Transfer id is already recorded on the withdrawal (then it is never created again)
     * @param amount   the withdrawal's amount, minor units
     * @param currency the withdrawal's currency (ISO, any case)
     */
    public static Decision forTransfer(TransferState state, boolean recorded, long amount, String currency) {
        if (state instanceof Exists exists) {
            boolean agrees = exists.amount() == amount && exists.currency() != null
                    && exists.currency().toUpperCase(Locale.ROOT).equals(currency.toUpperCase(Locale.ROOT));
            // A Transfer that disagrees with the record is for an operator; it is not ours to guess.
            return agrees ? new Decision(Action.COMPLETE, exists.transferId()) : Decision.of(Action.WAIT);
        }
        if (state instanceof Absent) {
            // A recorded id Stripe does not know is for an operator; creating again could pay twice.
            return recorded ? Decision.of(Action.WAIT) : Decision.of(Action.CREATE_AGAIN);
        }
        if (state instanceof Unknown) {
            return Decision.of(Action.WAIT);
        }
        throw new IllegalStateException("unhandled transfer state " + state.getClass().getSimpleName());
    }

    /**
     * A withdrawal whose recorded Transfer Stripe says does not exist (404), after asking for its
     * transfer_group. Only "none for the group either", {@code missingAfter} after creation, gives
     * the money back; a Transfer found under another id, or no answer, waits.
     *
     * @param byGroup what Stripe holds for the withdrawal's transfer_group
     * @param age     time since the transaction was created
     */
    public static Decision forMissingTransfer(TransferState byGroup, Duration age, Duration missingAfter) {
        if (byGroup instanceof Absent) {
            return age.compareTo(missingAfter) >= 0 ? Decision.of(Action.RESTORE_MISSING) : Decision.of(Action.WAIT);
        }
        if (byGroup instanceof Exists || byGroup instanceof Unknown) {
            return Decision.of(Action.WAIT);
        }
        throw new IllegalStateException("unhandled transfer state " + byGroup.getClass().getSimpleName());
    }

    /** The answer to a create with the same idempotency key. */
    public static Decision afterCreate(CreateAnswer answer, String transferId) {
        return switch (answer) {
            case CREATED -> new Decision(Action.COMPLETE, Objects.requireNonNull(transferId, "transferId"));
            case REFUSED -> Decision.of(Action.RESTORE);
            case AMBIGUOUS -> Decision.of(Action.WAIT);
        };
    }
}
