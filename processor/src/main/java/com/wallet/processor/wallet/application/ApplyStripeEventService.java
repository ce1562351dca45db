package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.domain.ChargeBack;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
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
 *   <li>transfer.reversed: PROCESSING/COMPLETED withdrawal -> REVERSED, funds credited back.</li>
 *   <li>charge.refunded (cumulative amount_refunded: only the increase is taken), charge.dispute.created
 *       (the disputed amount): the deposit's wallet is debited by the amount, never
 *       below zero; the rest is recorded in shortfalls with SHORTFALL postings. The transaction's
 *       status is unchanged (the deposit did complete; the refund is a later ledger movement of the
 *       same transaction), so no wallet.transactions event is published for it.</li>
 * </ul>
 */
public class ApplyStripeEventService {

    private static final Logger log = LoggerFactory.getLogger(ApplyStripeEventService.class);
    private static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "transfer.reversed", "charge.refunded", "charge.dispute.created");
    private static final Set<TransactionStatus> OPEN = Set.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING);

    private final WalletLocks locks;
    private final TransactionTemplate transaction;
    private final ProcessedStripeEvents processed;
    private final Transactions transactions;
    private final Wallets wallets;
    private final Ledger ledger;
    private final Shortfalls shortfalls;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;
    private final MeterRegistry meters;
    private final DepositSettlement settlement;

    public ApplyStripeEventService(WalletLocks locks, TransactionTemplate transaction, ProcessedStripeEvents processed,
                                   Transactions transactions, Wallets wallets, Ledger ledger, Shortfalls shortfalls,
                                   TransactionEvents events, TransactionEventFactory eventFactory, MeterRegistry meters,
                                   StripeDisagreements disagreements) {
        this.settlement = new DepositSettlement(transactions, wallets, ledger, events, eventFactory, disagreements);
        this.locks = locks;
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.wallets = wallets;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.events = events;
        this.eventFactory = eventFactory;
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
            case "transfer.reversed" -> reversePayout(tx, event);
            case "charge.refunded" -> chargeBack(tx, event, EntryKind.REFUND);
            case "charge.dispute.created" -> chargeBack(tx, event, EntryKind.DISPUTE);
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
        if (tx.type() != TransactionType.DEPOSIT || !transactions.changeStatus(tx.id(), OPEN, TransactionStatus.FAILED, reason)) {
            return Outcome.IGNORED;
        }
        if (event.paymentIntentId() != null) {
            transactions.recordPaymentIntent(tx.id(), event.paymentIntentId());
        }
        events.append(eventFactory.changed(tx, TransactionStatus.FAILED, reason));
        return Outcome.FAILED;
    }

    private Outcome reversePayout(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.WITHDRAWAL || !transactions.reversePayout(tx.id(), event.objectId())) {
            return Outcome.IGNORED;
        }
        wallets.credit(tx.walletId(), tx.amount());
        Postings postings = WalletRules.withdrawalReversal(tx.amount(), tx.walletId());
        ledger.post(tx.id(), tx.currency(), postings);
        events.append(eventFactory.changed(tx, TransactionStatus.REVERSED, null, postings));
        return Outcome.COMPLETED;
    }

    private Outcome chargeBack(TransactionRecord tx, StripeEventMessage event, EntryKind kind) {
        if (tx.type() != TransactionType.DEPOSIT || tx.status() == TransactionStatus.FAILED) {
            return Outcome.IGNORED;
        }
        long requested = Math.min(event.amount() > 0 ? event.amount() : tx.amount(), tx.amount());
        // charge.refunded carries the charge's cumulative amount_refunded: take back only what is new
        // (an older, smaller refund event arriving late takes nothing). A dispute is for its own amount.
        long amount = kind == EntryKind.REFUND ? requested - ledger.clearingTotal(tx.id(), EntryKind.REFUND) : requested;
        if (amount <= 0) {
            return Outcome.IGNORED;
        }
        WalletState wallet = wallets.lockForUpdate(List.of(tx.walletId())).get(0);
        ChargeBack chargeBack = WalletRules.chargeBack(amount, wallet, kind);
        if (chargeBack.recovered() > 0 && !wallets.debit(tx.walletId(), chargeBack.recovered())) {
            throw new IllegalStateException("conditional debit of charge-back " + event.eventId() + " matched no row");
        }
        ledger.post(tx.id(), tx.currency(), chargeBack.postings());
        events.append(eventFactory.moved(tx, chargeBack.postings()));
        if (chargeBack.shortfall() > 0) {
            shortfalls.record(tx.walletId(), tx.id(), event.eventId(), chargeBack.shortfall(), tx.currency(), kind.name());
            log.warn("charge-back {} on deposit {} left a shortfall on wallet {}", event.eventId(), tx.id(), tx.walletId());
        }
        return Outcome.COMPLETED;
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
