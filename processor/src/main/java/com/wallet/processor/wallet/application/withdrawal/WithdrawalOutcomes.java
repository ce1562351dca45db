package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.money.Money;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WithdrawalReversal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a PROCESSING withdrawal, inside the caller's database transaction: the same for the first
 * payout attempt, a redelivered command, the reconciler and transfer.created. Both changes are
 * conditional on the withdrawal still being PROCESSING, so whichever comes second changes nothing.
 */
class WithdrawalOutcomes {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalOutcomes.class);

    private final LedgerTransitions ledger;
    private final Ledger postings;
    private final StripeDisagreements disagreements;

    WithdrawalOutcomes(LedgerTransitions ledger, Ledger postings, StripeDisagreements disagreements) {
        this.ledger = ledger;
        this.postings = postings;
        this.disagreements = disagreements;
    }

    /** PROCESSING -> COMPLETED with the Transfer id (the wallet was debited when it became PROCESSING). */
    Outcome complete(TransactionRecord tx, String transferId, String source) {
        if (!ledger.applyIfCurrent(new LedgerTransitions.Change(tx,
                Transition.payoutCompleted(tx.id(), tx.currency(), transferId)))) {
            return Outcome.IGNORED; // already completed, reversed, or another Transfer is recorded
        }
        log.info("withdrawal {} COMPLETED with transfer {} by {}", tx.id(), transferId, source);
        return Outcome.COMPLETED;
    }

    /**
     * Stripe refused the Transfer definitively: credit the wallet back (WITHDRAWAL_REVERSAL) and end
     * FAILED PAYOUT_FAILED. The caller holds the wallet lock. The database only lets this happen
     * while the withdrawal is PROCESSING with no Transfer recorded.
     */
    Outcome restore(TransactionRecord tx, String source) {
        return giveBack(tx, new WithdrawalReversal.PayoutRefused(), source);
    }

    /**
     * Stripe holds neither the recorded Transfer nor any for the withdrawal: credit the wallet back
     * and end FAILED PAYOUT_FAILED. The caller holds the wallet lock. Only while that Transfer is
     * still the recorded one and the withdrawal PROCESSING.
     */
    Outcome restoreMissing(TransactionRecord tx, String source) {
        Outcome outcome = giveBack(tx, new WithdrawalReversal.TransferMissing(tx.stripeTransferId()), source);
        if (outcome == Outcome.FAILED) {
            // in the same database transaction as the funds back: the record for an operator
            disagreements.record(tx.id(), tx.stripeTransferId(), null, StripeDisagreement.missing(tx.stripeTransferId()));
        }
        return outcome;
    }

    /**
     * transfer.reversed on a COMPLETED withdrawal: credits back the increase of the Transfer's
     * cumulative {@code amountReversed} over the WITHDRAWAL_REVERSAL postings so far (a late,
     * smaller event credits nothing); all of it reversed: REVERSED. The caller holds the wallet lock.
     */
    Outcome reversed(TransactionRecord tx, String transferId, long amountReversed) {
        WithdrawalReversal.Cause cause = new WithdrawalReversal.TransferReversed(transferId, amountReversed,
                -postings.clearingTotal(tx.id(), EntryKind.WITHDRAWAL_REVERSAL), tx.status());
        Optional<Transition> back = WithdrawalReversal.decide(tx.id(), tx.walletId(), Money.of(tx.amount(), tx.currency()),
                cause);
        if (back.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (!ledger.applyIfCurrent(new LedgerTransitions.Change(tx, back.get()))) {
            throw new IllegalStateException("withdrawal " + tx.id() + " changed status concurrently");
        }
        return Outcome.COMPLETED;
    }

    private Outcome giveBack(TransactionRecord tx, WithdrawalReversal.Cause cause, String source) {
        Transition back = WithdrawalReversal.decide(tx.id(), tx.walletId(), Money.of(tx.amount(), tx.currency()), cause)
                .orElseThrow();
        if (!ledger.applyIfCurrent(new LedgerTransitions.Change(tx, back))) {
            return Outcome.IGNORED;
        }
        log.info("withdrawal {} FAILED PAYOUT_FAILED by {}: funds restored", tx.id(), source);
        return Outcome.FAILED;
    }
}
