package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.ChargeBack;
import com.wallet.processor.wallet.domain.ChargeBackDeltas;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts what a deposit's recorded refunds and disputes ({@link StripeChargeBacks}) still owe: the
 * difference between those facts and what the ledger already took back ({@link ChargeBackDeltas}),
 * inside the caller's database transaction and under the wallet lock. So a dispute debits once and
 * is reinstated once however many of its events arrive, and refunds and disputes never take the
 * same money twice; what the wallet cannot cover is a shortfall.
 */
class ChargeBackPostings {

    private static final Logger log = LoggerFactory.getLogger(ChargeBackPostings.class);

    private final StripeChargeBacks claims;
    private final Ledger ledger;
    private final Shortfalls shortfalls;
    private final LedgerTransitions transitions;

    ChargeBackPostings(StripeChargeBacks claims, Ledger ledger, Shortfalls shortfalls, LedgerTransitions transitions) {
        this.claims = claims;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.transitions = transitions;
    }

    /**
     * Posts what the recorded facts still owe; nothing unless the deposit is COMPLETED (a failed
     * deposit credited nothing to take back; an open one is netted when it settles).
     *
     * @param source the Stripe event that caused it, or null (the settlement by the reconciler)
     * @return true when money moved
     */
    boolean post(TransactionRecord tx, String source) {
        return tx.status() == TransactionStatus.COMPLETED && postOwed(tx, source);
    }

    /** The deposit was settled just now, in this transaction ({@code tx} is its row as settled). */
    void settled(TransactionRecord tx, String source) {
        postOwed(tx, source);
    }

    private boolean postOwed(TransactionRecord tx, String source) {
        StripeChargeBacks.Claims owed = claims.claims(tx.id());
        ChargeBackDeltas deltas = ChargeBackDeltas.of(tx.amount(), owed.refunded(), owed.disputedNotWon(),
                ledger.clearingTotal(tx.id(), EntryKind.REFUND),
                ledger.clearingTotal(tx.id(), EntryKind.DISPUTE) + ledger.clearingTotal(tx.id(), EntryKind.DISPUTE_REINSTATEMENT));
        if (deltas.none()) {
            return false;
        }
        if (deltas.refund() > 0) {
            takeBack(tx, deltas.refund(), EntryKind.REFUND, source);
        }
        if (deltas.dispute() > 0) {
            takeBack(tx, deltas.dispute(), EntryKind.DISPUTE, source);
        } else if (deltas.dispute() < 0) {
            giveBack(tx, -deltas.dispute());
        }
        return true;
    }

    private void takeBack(TransactionRecord tx, long amount, EntryKind kind, String source) {
        WalletState wallet = transitions.lockWallets(List.of(tx.walletId())).get(tx.walletId());
        ChargeBack chargeBack = WalletRules.chargeBack(amount, wallet, kind);
        move(tx, chargeBack.postings());
        if (chargeBack.shortfall() > 0) {
            String reference = (source == null ? "settlement-" + tx.id() : source) + ":" + kind;
            shortfalls.record(tx.walletId(), tx.id(), reference, chargeBack.shortfall(), tx.currency(), kind.name());
            log.warn("{} of deposit {} left a shortfall of {} on wallet {}", kind, tx.id(), chargeBack.shortfall(), tx.walletId());
        }
    }

    /** Reinstated money covers this deposit's open shortfall first, then goes to the wallet. */
    private void giveBack(TransactionRecord tx, long amount) {
        Postings postings = WalletRules.chargeBackReversal(amount, -ledger.shortfallTotal(tx.id()), tx.walletId());
        move(tx, postings);
        shortfalls.resolveCovered(tx.id());
    }

    /** Money moves, the status stays (the event repeats the status of {@code tx} as read). */
    private void move(TransactionRecord tx, Postings postings) {
        transitions.applyIfCurrent(new LedgerTransitions.Change(tx,
                Transition.moved(tx.id(), tx.currency(), tx.status(), tx.failureReason(), postings)));
    }
}
