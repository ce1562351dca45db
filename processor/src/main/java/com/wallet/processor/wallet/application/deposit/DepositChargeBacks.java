package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.ChargeBack;
import com.wallet.processor.wallet.domain.ChargeBackDeltas;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds and disputes of a deposit (contract section 7), inside the caller's database transaction
 * and under the wallet lock. An event only records what Stripe says ({@link StripeChargeBacks});
 * {@link #post} then moves the difference between what those facts owe and what the ledger already
 * took back ({@link ChargeBackDeltas}). So a dispute debits once and is reinstated once however many
 * of its events arrive, refunds and disputes never take the same money twice, and a refund or
 * dispute seen before the deposit settled moves nothing until the settlement, which then nets it
 * (no shortfall plus a full credit).
 */
public class DepositChargeBacks {

    private static final Logger log = LoggerFactory.getLogger(DepositChargeBacks.class);

    private final StripeChargeBacks claims;
    private final Ledger ledger;
    private final Shortfalls shortfalls;
    private final LedgerTransitions transitions;
    private final StripeDisagreements disagreements;

    public DepositChargeBacks(StripeChargeBacks claims, Ledger ledger, Shortfalls shortfalls, LedgerTransitions transitions,
                       StripeDisagreements disagreements) {
        this.claims = claims;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.transitions = transitions;
        this.disagreements = disagreements;
    }

    /** charge.refunded, charge.dispute.created, charge.dispute.closed, charge.dispute.funds_reinstated. */
    public Outcome apply(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.DEPOSIT || disagrees(tx, event)) {
            return Outcome.IGNORED;
        }
        switch (event.type()) {
            case "charge.refunded" -> claims.refunded(tx.id(), event.objectId(), event.amount());
            case "charge.dispute.created" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    StripeChargeBacks.DisputeState.OPEN);
            case "charge.dispute.closed" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    "won".equals(event.objectStatus()) ? StripeChargeBacks.DisputeState.WON
                            : "lost".equals(event.objectStatus()) ? StripeChargeBacks.DisputeState.LOST
                            : StripeChargeBacks.DisputeState.OPEN);
            case "charge.dispute.funds_reinstated" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    StripeChargeBacks.DisputeState.WON);
            default -> throw new IllegalArgumentException("not a charge-back event: " + event.type());
        }
        return post(tx, event.eventId()) ? Outcome.COMPLETED : Outcome.IGNORED;
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

    /** The deposit was settled just now, in this transaction ({@code tx} is its row from before). */
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

    /** Another PaymentIntent or currency than the deposit's: nothing moves, an operator looks. */
    private boolean disagrees(TransactionRecord tx, StripeEventMessage event) {
        StripeDisagreement disagreement = null;
        if (tx.stripePaymentIntentId() != null && event.paymentIntentId() != null
                && !tx.stripePaymentIntentId().equals(event.paymentIntentId())) {
            disagreement = new StripeDisagreement(StripeDisagreement.Field.PAYMENT_INTENT, tx.stripePaymentIntentId(),
                    event.paymentIntentId());
        } else if (event.currency() != null && !event.currency().equalsIgnoreCase(tx.currency())) {
            disagreement = new StripeDisagreement(StripeDisagreement.Field.CURRENCY, tx.currency(),
                    event.currency().toUpperCase());
        }
        if (disagreement == null) {
            return false;
        }
        disagreements.record(tx.id(), event.objectId(), event.eventId(), disagreement);
        log.error("{} {} disagrees with deposit {} ({}): nothing moved, kept for an operator", event.type(),
                event.eventId(), tx.id(), disagreement.field());
        return true;
    }
}
