package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.money.Money;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WithdrawalReversal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a PROCESSING withdrawal, inside the caller's database transaction: the same for the first
 * payout attempt, a redelivered command, the reconciler and transfer.created. Both changes are
 * conditional on the withdrawal still being PROCESSING, so whichever comes second changes nothing.
 */
public class WithdrawalOutcomes {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalOutcomes.class);

    private final LedgerTransitions ledger;

    public WithdrawalOutcomes(LedgerTransitions ledger) {
        this.ledger = ledger;
    }

    /** PROCESSING -> COMPLETED with the Transfer id (the wallet was debited when it became PROCESSING). */
    public Outcome complete(TransactionRecord tx, String transferId, String source) {
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
        return giveBack(tx, new WithdrawalReversal.TransferMissing(tx.stripeTransferId()), source);
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
