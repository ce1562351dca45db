package com.wallet.processor.wallet.application.stripe;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import com.wallet.processor.wallet.application.deposit.DepositChargeBacks;
import com.wallet.processor.wallet.application.deposit.DepositSettlement;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.application.withdrawal.WithdrawalOutcomes;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.money.Money;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WithdrawalReversal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one verified Stripe event (stripe.events), each event id at most once, under the wallet
 * lock and in one database transaction. Events may arrive in any order and before the processor
 * recorded the PaymentIntent id: the transaction is found by metadata transaction_id first, and
 * every status change is conditional, so a late or repeated event changes nothing. An event of a
 * handled type that matches no transaction is retried for a while, then dead-lettered
 * ({@link UnmatchedStripeEventException}); other event types are recorded without effect.
 *
 * <ul>
 *   <li>payment_intent.succeeded: PENDING/PROCESSING deposit -> COMPLETED, wallet +a, clearing -a.</li>
 *   <li>payment_intent.payment_failed: PENDING/PROCESSING deposit -> FAILED (CARD_DECLINED or PAYMENT_FAILED);
 *       after succeeded it does nothing.</li>
 *   <li>transfer.created: a PROCESSING withdrawal (found by metadata transaction_id) whose amount and
 *       currency agree -> COMPLETED with the transfer id (the reconciler's answer, earlier).</li>
 *   <li>transfer.reversed (cumulative amount_reversed: only the increase is credited back): all of it
 *       -> REVERSED; part of it -> the status stays, the partial credit is posted with a movement event.</li>
 *   <li>charge.refunded (cumulative amount_refunded), charge.dispute.created, charge.dispute.closed
 *       (won or lost) and charge.dispute.funds_reinstated: {@link DepositChargeBacks} records what
 *       Stripe says and posts the difference: refunds and disputes net against each other and
 *       never take back more than was deposited, a dispute won gives its money back once, never
 *       below zero (the rest is a shortfall). The status is unchanged; each movement is a
 *       wallet.transactions event with its postings.</li>
 * </ul>
 */
public class ApplyStripeEventService {

    private static final Logger log = LoggerFactory.getLogger(ApplyStripeEventService.class);
    private static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "transfer.created", "transfer.reversed", "charge.refunded", "charge.dispute.created",
            "charge.dispute.closed", "charge.dispute.funds_reinstated");

    private final WalletLocks locks;
    private final TransactionTemplate transaction;
    private final ProcessedStripeEvents processed;
    private final Transactions transactions;
    private final Ledger ledger;
    private final LedgerTransitions transitions;
    private final MeterRegistry meters;
    private final DepositSettlement settlement;
    private final WithdrawalOutcomes withdrawals;
    private final DepositChargeBacks chargeBacks;

    public ApplyStripeEventService(WalletLocks locks, TransactionTemplate transaction, ProcessedStripeEvents processed,
                                   Transactions transactions, Ledger ledger, Shortfalls shortfalls,
                                   LedgerTransitions transitions, MeterRegistry meters,
                                   StripeDisagreements disagreements, StripeChargeBacks claims) {
        this.chargeBacks = new DepositChargeBacks(claims, ledger, shortfalls, transitions, disagreements);
        this.settlement = new DepositSettlement(transitions, disagreements, chargeBacks);
        this.withdrawals = new WithdrawalOutcomes(transitions);
        this.locks = locks;
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.ledger = ledger;
        this.transitions = transitions;
        this.meters = meters;
    }

    public Outcome apply(StripeEventMessage event) {
        if (event == null || event.eventId() == null || event.type() == null) {
            throw new IllegalArgumentException("stripe event without id or type");
        }
        Optional<TransactionRecord> target = HANDLED.contains(event.type()) ? findTransaction(event) : Optional.empty();
        Outcome outcome;
        if (target.isEmpty() && HANDLED.contains(event.type())) {
            throw new UnmatchedStripeEventException("stripe event " + event.eventId() + " " + event.type()
                    + " matches no transaction");
        }
        if (target.isEmpty()) {
            // An event type settlement does not use (transfer.created, payout.paid, ...): recorded, no effect.
            outcome = transaction.execute(status -> processed.markProcessed(event.eventId(), event.type())
                    ? Outcome.IGNORED : Outcome.DUPLICATE);
        } else {
            UUID walletId = target.get().walletId();
            try (WalletLocks.LockHandle ignored = locks.lock(List.of(walletId))) {
                outcome = transaction.execute(status -> applyInTransaction(event, target.get().id()));
            }
        }
        Counter.builder("wallet.stripe.events.processed").tag("type", event.type()).tag("outcome", outcome.name())
                .register(meters).increment();
        return outcome;
    }

    private Outcome applyInTransaction(StripeEventMessage event, UUID transactionId) {
        if (!processed.markProcessed(event.eventId(), event.type())) {
            return Outcome.DUPLICATE;
        }
        TransactionRecord tx = transactions.find(transactionId).orElseThrow();
        return switch (event.type()) {
            case "payment_intent.succeeded" -> settleDeposit(tx, event);
            case "payment_intent.payment_failed" -> failDeposit(tx, event);
            case "transfer.created" -> completePayout(tx, event);
            case "transfer.reversed" -> reversePayout(tx, event);
            case "charge.refunded", "charge.dispute.created", "charge.dispute.closed", "charge.dispute.funds_reinstated" ->
                    chargeBacks.apply(tx, event);
            default -> Outcome.IGNORED;
        };
    }

    private Outcome settleDeposit(TransactionRecord tx, StripeEventMessage event) {
        Outcome outcome = settlement.settle(tx, new DepositSettlement.Charged(event.paymentIntentId(), event.amount(),
                event.currency(), event.eventId()), "event " + event.eventId());
        if (outcome == Outcome.IGNORED && tx.type() == TransactionType.DEPOSIT && tx.status() == TransactionStatus.FAILED) {
            // Charged at Stripe but FAILED here (e.g. given up after ambiguous failures): an operator must refund.
            log.error("payment_intent.succeeded {} for deposit {} that is FAILED: charged but not credited",
                    event.eventId(), tx.id());
        }
        return outcome;
    }

    private Outcome failDeposit(TransactionRecord tx, StripeEventMessage event) {
        FailureReason reason = WalletRules.paymentFailureReason(event.failureCode());
        if (tx.type() != TransactionType.DEPOSIT || !transitions.applyIfCurrent(
                new LedgerTransitions.Change(tx, Transition.depositFailed(tx.id(), tx.currency(), reason)))) {
            return Outcome.IGNORED;
        }
        if (event.paymentIntentId() != null) {
            transactions.recordPaymentIntent(tx.id(), event.paymentIntentId());
        }
        return Outcome.FAILED;
    }

    /** The Transfer exists: a PROCESSING withdrawal it agrees with is COMPLETED (conditional: once). */
    private Outcome completePayout(TransactionRecord tx, StripeEventMessage event) {
        if (!isPayoutOf(tx, event)) {
            return Outcome.IGNORED;
        }
        if (event.amount() != tx.amount()) {
            log.error("transfer.created {} for withdrawal {} has another amount: left for an operator",
                    event.eventId(), tx.id());
            return Outcome.IGNORED;
        }
        return withdrawals.complete(tx, event.objectId(), "event " + event.eventId());
    }

    /**
     * Credits back what was reversed, once: the event carries the Transfer's cumulative
     * amount_reversed, so only its increase over the WITHDRAWAL_REVERSAL postings so far is credited
     * (a late, smaller event credits nothing). All of it reversed: REVERSED.
     */
    private Outcome reversePayout(TransactionRecord tx, StripeEventMessage event) {
        if (!isPayoutOf(tx, event)) {
            return Outcome.IGNORED;
        }
        if (tx.status() == TransactionStatus.PROCESSING) {
            // The Transfer exists, so the withdrawal did pay out: complete it before crediting part of it back.
            withdrawals.complete(tx, event.objectId(), "event " + event.eventId());
            tx = transactions.find(tx.id()).orElseThrow();
        }
        if (tx.status() != TransactionStatus.COMPLETED) {
            if (tx.status() == TransactionStatus.FAILED) {
                log.error("transfer.reversed {} for withdrawal {} that is FAILED (funds already restored)",
                        event.eventId(), tx.id());
            }
            return Outcome.IGNORED; // REVERSED: everything was credited back already
        }
        if (event.amount() > tx.amount()) {
            log.error("transfer.reversed {} reverses more than withdrawal {}: only its amount is credited",
                    event.eventId(), tx.id());
        }
        WithdrawalReversal.Cause cause = new WithdrawalReversal.TransferReversed(event.objectId(), event.amount(),
                -ledger.clearingTotal(tx.id(), EntryKind.WITHDRAWAL_REVERSAL), tx.status());
        Optional<Transition> back = WithdrawalReversal.decide(tx.id(), tx.walletId(), Money.of(tx.amount(), tx.currency()),
                cause);
        if (back.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (!transitions.applyIfCurrent(new LedgerTransitions.Change(tx, back.get()))) {
            throw new IllegalStateException("withdrawal " + tx.id() + " changed status concurrently");
        }
        return Outcome.COMPLETED;
    }

    /** A withdrawal, the recorded Transfer (when one is recorded) and the same currency. */
    private static boolean isPayoutOf(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.WITHDRAWAL) {
            return false;
        }
        boolean sameTransfer = tx.stripeTransferId() == null || tx.stripeTransferId().equals(event.objectId());
        boolean sameCurrency = event.currency() == null || event.currency().equalsIgnoreCase(tx.currency());
        if (!sameTransfer || !sameCurrency) {
            log.error("{} {} disagrees with withdrawal {} (transfer or currency): left for an operator",
                    event.type(), event.eventId(), tx.id());
            return false;
        }
        return true;
    }

    private Optional<TransactionRecord> findTransaction(StripeEventMessage event) {
        UUID byMetadata = parseUuid(event.transactionId());
        if (byMetadata != null) {
            Optional<TransactionRecord> found = transactions.find(byMetadata);
            if (found.isPresent()) {
                return found;
            }
        }
        if (event.paymentIntentId() != null) {
            Optional<TransactionRecord> found = transactions.findByPaymentIntent(event.paymentIntentId());
            if (found.isPresent()) {
                return found;
            }
        }
        if (event.type().startsWith("transfer.") && event.objectId() != null) {
            return transactions.findByStripeTransfer(event.objectId());
        }
        return Optional.empty();
    }

    private static UUID parseUuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
