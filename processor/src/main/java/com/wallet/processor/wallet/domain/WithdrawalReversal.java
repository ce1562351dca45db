package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.money.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A withdrawal's money going back to its wallet: the one decision behind a payout Stripe refused
 * (or whose recorded Transfer Stripe does not hold, nor any for it) and behind transfer.reversed.
 * Either way the wallet is credited what has not been credited back yet (WITHDRAWAL_REVERSAL
 * postings); all of it back ends the withdrawal (FAILED PAYOUT_FAILED before a payout, REVERSED
 * after one), part of it leaves the status as it is.
 */
public final class WithdrawalReversal {

    private WithdrawalReversal() {
    }

    /** Why the money goes back. */
    public sealed interface Cause permits PayoutRefused, TransferMissing, TransferReversed {
    }

    /** Stripe definitively refused the Transfer (it did nothing): only while no Transfer is recorded. */
    public record PayoutRefused() implements Cause {
    }

    /** Stripe holds neither the recorded Transfer nor any for the withdrawal: only while that one is recorded. */
    public record TransferMissing(String transferId) implements Cause {
        public TransferMissing {
            Objects.requireNonNull(transferId, "transferId");
        }
    }

    /**
     * transfer.reversed: {@code amountReversed} is the Transfer's cumulative amount reversed (what
     * exceeds the withdrawal is not credited), {@code creditedSoFar} what the WITHDRAWAL_REVERSAL
     * postings gave back already; {@code status} the withdrawal's (COMPLETED) as read.
     */
    public record TransferReversed(String transferId, long amountReversed, long creditedSoFar,
                                   TransactionStatus status) implements Cause {
    }

    /**
     * @param amount the withdrawal's amount and currency
     * @return the transition, or empty when nothing is left to credit back
     */
    public static Optional<Transition> decide(UUID transactionId, UUID walletId, Money amount, Cause cause) {
        String currency = amount.currency().value();
        long total = amount.minor();
        long creditedSoFar = 0;
        if (cause instanceof TransferReversed reversed) {
            total = Math.min(reversed.amountReversed(), amount.minor());
            creditedSoFar = reversed.creditedSoFar();
        }
        long credit = Math.subtractExact(total, creditedSoFar);
        if (credit <= 0) {
            return Optional.empty();
        }
        Postings postings = WalletRules.withdrawalReversal(credit, walletId);
        if (cause instanceof TransferReversed reversed) {
            return Optional.of(total < amount.minor()
                    ? Transition.moved(transactionId, currency, reversed.status(), null, postings)
                    : new Transition(transactionId, currency,
                            Set.of(TransactionStatus.PROCESSING, TransactionStatus.COMPLETED), TransactionStatus.REVERSED,
                            null, postings, false, StripeObject.anyTransfer(reversed.transferId())));
        }
        StripeObject guard;
        if (cause instanceof PayoutRefused) {
            guard = StripeObject.noTransfer();
        } else if (cause instanceof TransferMissing missing) {
            guard = StripeObject.exactlyTransfer(missing.transferId());
        } else {
            throw new IllegalArgumentException("unhandled cause " + cause.getClass().getSimpleName());
        }
        // Before any payout: all of it back, and the withdrawal ends.
        return Optional.of(new Transition(transactionId, currency, Set.of(TransactionStatus.PROCESSING),
                TransactionStatus.FAILED, FailureReason.PAYOUT_FAILED, postings, false, guard));
    }
}
