package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.common.observability.RequestId;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.FailureReason;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.DepositReconciliation;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings deposits stuck in PROCESSING to a final status (contract 6.4) when the
 * payment_intent.succeeded webhook never came, the customer was asked for 3-D Secure (our API
 * cannot offer it), or creating the PaymentIntent failed ambiguously.
 *
 * <ul>
 *   <li>No PaymentIntent id recorded: createPayment again with the same idempotency key, like a
 *       redelivered command (Stripe replays the first answer or does the work now), and the answer
 *       is recorded as {@link DepositFundsService} does. Still uncertain after
 *       {@code ambiguousGiveUpAfter}: FAILED PAYMENT_FAILED.</li>
 *   <li>PaymentIntent known: retrieved. succeeded: settled through {@link DepositSettlement}, the code
 *       path of payment_intent.succeeded; requires_payment_method / canceled: FAILED;
 *       requires_action past {@code requiresActionTimeout}: canceled at Stripe, then FAILED
 *       PAYMENT_FAILED; anything else: looked at again later.</li>
 *   <li>PaymentIntent recorded but Stripe says it does not exist (404): looked at again each round;
 *       still so {@code missingObjectTimeout} after creation: FAILED PAYMENT_FAILED, nothing
 *       credited, and an operator record (stripe_disagreements, field existence). A failed call
 *       (timeout, 5xx, 429) never ends a deposit.</li>
 * </ul>
 *
 * <p>Stripe is called outside any database transaction. Every change is conditional on the
 * deposit's status, so a reconciler racing a late webhook, a redelivered command or another
 * reconciler cannot credit twice or fail a completed deposit. A deposit left open is postponed
 * (updated_at touched), so one that keeps waiting does not hold up the rest of the queue.
 */
public class ReconcileDepositsService {

    private static final Logger log = LoggerFactory.getLogger(ReconcileDepositsService.class);

    private final TransactionTemplate transaction;
    private final Transactions transactions;
    private final WalletLocks locks;
    private final PaymentGateway payments;
    private final FieldCipher cipher;
    private final DepositPaymentResults results;
    private final DepositSettlement settlement;
    private final StripeDisagreements disagreements;
    private final ReconcilerProperties properties;
    private final MeterRegistry meters;

    public ReconcileDepositsService(TransactionTemplate transaction, Transactions transactions, Ledger ledger,
                                    LedgerTransitions transitions, WalletLocks locks, PaymentGateway payments,
                                    FieldCipher cipher,
                                    ReconcilerProperties properties, MeterRegistry meters,
                                    StripeDisagreements disagreements, StripeChargeBacks chargeBacks,
                                    Shortfalls shortfalls) {
        this.transaction = transaction;
        this.transactions = transactions;
        this.locks = locks;
        this.payments = payments;
        this.cipher = cipher;
        this.results = new DepositPaymentResults(transactions, transitions, cipher);
        this.settlement = new DepositSettlement(transitions, disagreements,
                new DepositChargeBacks(chargeBacks, ledger, shortfalls, transitions, disagreements));
        this.disagreements = disagreements;
        this.properties = properties;
        this.meters = meters;
    }

    /** One round over at most batchSize stale deposits. @return how many were looked at */
    public int reconcileStaleDeposits() {
        List<Transactions.StaleDeposit> batch = transactions.staleDeposits(properties.reconcileAfter(),
                properties.batchSize());
        for (Transactions.StaleDeposit stale : batch) {
            Reconciled reconciled;
            try {
                reconciled = reconcile(stale);
            } catch (RuntimeException e) {
                // e.g. database or lock unavailable: the deposit stays stale and is taken again next round
                log.warn("deposit {} not reconciled this round: {}", stale.transaction().id(), e.getClass().getSimpleName());
                reconciled = Reconciled.error();
            }
            Counter.builder("wallet.deposits.reconciled").tag("outcome", reconciled.outcome().name())
                    .tag("cause", reconciled.cause().tag()).register(meters).increment();
        }
        return batch.size();
    }

    Reconciled reconcile(Transactions.StaleDeposit stale) {
        TransactionRecord tx = stale.transaction();
        // A scheduled round has no request of its own: its lines name the deposit's request.
        try (RequestId.Scope ignored = RequestId.open(tx.requestId())) {
            return tx.stripePaymentIntentId() == null ? createAgain(tx, stale.age()) : lookUp(tx, stale.age());
        }
    }

    private Reconciled createAgain(TransactionRecord tx, Duration age) {
        String paymentMethod = DepositFundsService.storedPaymentMethod(cipher, tx);
        PaymentGateway.PaymentResult result = paymentMethod == null
                ? new PaymentGateway.PaymentUncertain("no stored payment method")
                : payments.createPayment(new PaymentGateway.DepositPayment(tx.id(), tx.walletId(), tx.amount(),
                        tx.currency(), paymentMethod, tx.requestId()));
        if (result instanceof PaymentGateway.PaymentUncertain uncertain) {
            DepositReconciliation.Decision decision = DepositReconciliation.afterUncertainPayment(age,
                    properties.ambiguousGiveUpAfter());
            if (decision.action() == DepositReconciliation.Action.FAIL) {
                log.warn("deposit {} payment still uncertain after {}, giving up: {}", tx.id(), age, uncertain.error());
                return gaveUp(Reconciled.Cause.GAVE_UP, inTransaction(() -> results.fail(tx, decision.reason())));
            }
            log.info("deposit {} payment still uncertain, retried later with the same key", tx.id());
            return Reconciled.answered(postpone(tx));
        }
        log.info("deposit {} payment asked again with its key: {}", tx.id(), result.getClass().getSimpleName());
        return Reconciled.answered(inTransaction(() -> results.record(tx, result)));
    }

    /** Ended by the reconciler's own timeout; a deposit another path ended meanwhile (IGNORED) is not a give-up. */
    private static Reconciled gaveUp(Reconciled.Cause cause, Outcome outcome) {
        return outcome == Outcome.FAILED ? new Reconciled(outcome, cause) : Reconciled.answered(outcome);
    }

    private Reconciled lookUp(TransactionRecord tx, Duration age) {
        PaymentGateway.PaymentLookup lookup = payments.retrievePayment(tx.stripePaymentIntentId());
        if (lookup instanceof PaymentGateway.PaymentLookupFailed failed) {
            log.warn("deposit {} payment intent {} not retrieved: {}", tx.id(), tx.stripePaymentIntentId(), failed.error());
            return Reconciled.answered(postpone(tx));
        }
        if (lookup instanceof PaymentGateway.PaymentNotFound) {
            return missing(tx, age);
        }
        PaymentGateway.PaymentFound intent = (PaymentGateway.PaymentFound) lookup;
        DepositReconciliation.Decision decision = DepositReconciliation.forPaymentIntent(intent.status(),
                intent.lastErrorCode(), age, properties.requiresActionTimeout());
        log.info("deposit {} payment intent {} is {}: {}", tx.id(), intent.paymentIntentId(), intent.status(),
                decision.action());
        return Reconciled.answered(switch (decision.action()) {
            case SETTLE -> settle(tx, intent);
            case FAIL -> inTransaction(() -> results.fail(tx, decision.reason()));
            case CANCEL -> cancel(tx);
            case WAIT -> postpone(tx);
        });
    }

    /** Stripe says the recorded PaymentIntent does not exist: final once that has lasted missingObjectTimeout. */
    private Reconciled missing(TransactionRecord tx, Duration age) {
        DepositReconciliation.Decision decision = DepositReconciliation.forMissingPaymentIntent(age,
                properties.missingObjectTimeout());
        if (decision.action() != DepositReconciliation.Action.FAIL) {
            log.warn("deposit {} payment intent {} does not exist at Stripe; asked again until it is {} old", tx.id(),
                    tx.stripePaymentIntentId(), properties.missingObjectTimeout());
            return Reconciled.answered(postpone(tx));
        }
        Outcome outcome = inTransaction(() -> {
            Outcome failed = results.fail(tx, decision.reason());
            if (failed == Outcome.FAILED) {
                disagreements.record(tx.id(), tx.stripePaymentIntentId(), null,
                        StripeDisagreement.missing(tx.stripePaymentIntentId()));
            }
            return failed;
        });
        log.error("deposit {} payment intent {} still does not exist at Stripe after {}: {}, nothing credited, "
                + "recorded for an operator", tx.id(), tx.stripePaymentIntentId(), age, outcome);
        return gaveUp(Reconciled.Cause.MISSING_AT_STRIPE, outcome);
    }

    private Outcome settle(TransactionRecord tx, PaymentGateway.PaymentFound intent) {
        try (WalletLocks.LockHandle ignored = locks.lock(List.of(tx.walletId()))) {
            return inTransaction(() -> settlement.settle(tx,
                    new DepositSettlement.Charged(intent.paymentIntentId(), intent.amount(), intent.currency(), null), "reconciler"));
        }
    }

    private Outcome cancel(TransactionRecord tx) {
        PaymentGateway.PaymentLookup canceled = payments.cancelPayment(tx.stripePaymentIntentId(), tx.id());
        if (canceled instanceof PaymentGateway.PaymentFound intent && "canceled".equals(intent.status())) {
            return inTransaction(() -> results.fail(tx, FailureReason.PAYMENT_FAILED));
        }
        // Not canceled (e.g. authenticated and succeeded meanwhile, or Stripe unreachable): look again next round.
        log.warn("deposit {} payment intent {} not canceled: {}", tx.id(), tx.stripePaymentIntentId(),
                canceled instanceof PaymentGateway.PaymentFound intent ? intent.status()
                        : canceled instanceof PaymentGateway.PaymentLookupFailed failed ? failed.error() : "not found");
        return postpone(tx);
    }

    private Outcome postpone(TransactionRecord tx) {
        transactions.postponeReconciliation(tx.id());
        return Outcome.PROCESSING;
    }

    private Outcome inTransaction(Supplier<Outcome> work) {
        return transaction.execute(status -> work.get());
    }
}
