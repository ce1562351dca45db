package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import com.wallet.processor.wallet.domain.DepositReconciliation;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final StaleDeposits stale;
    private final WalletTransactions work;
    private final DepositPayments payments;
    private final DepositOutcomes outcomes;

    ReconcileDepositsService(StaleDeposits stale, WalletTransactions work, DepositPayments payments,
                             DepositOutcomes outcomes) {
        this.stale = stale;
        this.work = work;
        this.payments = payments;
        this.outcomes = outcomes;
    }

    /** One round over at most batchSize stale deposits. @return how many were looked at */
    public int reconcileStaleDeposits() {
        List<TransactionsAwaitingStripe.StaleDeposit> batch = stale.batch();
        for (TransactionsAwaitingStripe.StaleDeposit deposit : batch) {
            Reconciled reconciled;
            try {
                reconciled = reconcile(deposit);
            } catch (RuntimeException e) {
                // e.g. database or lock unavailable: the deposit stays stale and is taken again next round
                log.warn("deposit {} not reconciled this round: {}", deposit.transaction().id(), e.getClass().getSimpleName());
                reconciled = Reconciled.error();
            }
            stale.counted(reconciled);
        }
        return batch.size();
    }

    Reconciled reconcile(TransactionsAwaitingStripe.StaleDeposit deposit) {
        TransactionRecord tx = deposit.transaction();
        // A scheduled round has no request of its own: its lines name the deposit's request.
        try (RequestId.Scope ignored = RequestId.open(tx.requestId())) {
            return tx.stripePaymentIntentId() == null ? createAgain(tx, deposit.age()) : lookUp(tx, deposit.age());
        }
    }

    private Reconciled createAgain(TransactionRecord tx, Duration age) {
        PaymentGateway.PaymentResult result = payments.createAgain(tx);
        if (result instanceof PaymentGateway.PaymentUncertain uncertain) {
            DepositReconciliation.Decision decision = DepositReconciliation.afterUncertainPayment(age,
                    stale.giveUpAfter());
            if (decision.action() == DepositReconciliation.Action.FAIL) {
                log.warn("deposit {} payment still uncertain after {}, giving up: {}", tx.id(), age, uncertain.error());
                return Reconciled.gaveUp(Reconciled.Cause.GAVE_UP,
                        work.inTransaction(() -> outcomes.fail(tx, decision.reason())));
            }
            log.info("deposit {} payment still uncertain, retried later with the same key", tx.id());
            return Reconciled.answered(stale.postpone(tx));
        }
        log.info("deposit {} payment asked again with its key: {}", tx.id(), result.getClass().getSimpleName());
        return Reconciled.answered(work.inTransaction(() -> outcomes.record(tx, result)));
    }

    private Reconciled lookUp(TransactionRecord tx, Duration age) {
        PaymentGateway.PaymentLookup lookup = payments.retrieve(tx);
        if (lookup instanceof PaymentGateway.PaymentLookupFailed failed) {
            log.warn("deposit {} payment intent {} not retrieved: {}", tx.id(), tx.stripePaymentIntentId(), failed.error());
            return Reconciled.answered(stale.postpone(tx));
        }
        if (lookup instanceof PaymentGateway.PaymentNotFound) {
            return missing(tx, age);
        }
        PaymentGateway.PaymentFound intent = (PaymentGateway.PaymentFound) lookup;
        DepositReconciliation.Decision decision = DepositReconciliation.forPaymentIntent(intent.status(),
                intent.lastErrorCode(), age, stale.requiresActionTimeout());
        log.info("deposit {} payment intent {} is {}: {}", tx.id(), intent.paymentIntentId(), intent.status(),
                decision.action());
        return Reconciled.answered(switch (decision.action()) {
            case SETTLE -> work.underLock(tx.walletId(), () -> outcomes.settle(tx,
                    new DepositSettlement.Charged(intent.paymentIntentId(), intent.amount(), intent.currency(), null),
                    "reconciler"));
            case FAIL -> work.inTransaction(() -> outcomes.fail(tx, decision.reason()));
            case CANCEL -> cancel(tx);
            case WAIT -> stale.postpone(tx);
        });
    }

    /** Stripe says the recorded PaymentIntent does not exist: final once that has lasted missingObjectTimeout. */
    private Reconciled missing(TransactionRecord tx, Duration age) {
        DepositReconciliation.Decision decision = DepositReconciliation.forMissingPaymentIntent(age, stale.missingAfter());
        if (decision.action() != DepositReconciliation.Action.FAIL) {
            log.warn("deposit {} payment intent {} does not exist at Stripe; asked again until it is {} old", tx.id(),
                    tx.stripePaymentIntentId(), stale.missingAfter());
            return Reconciled.answered(stale.postpone(tx));
        }
        Outcome outcome = work.inTransaction(() -> outcomes.failMissing(tx, decision.reason()));
        log.error("deposit {} payment intent {} still does not exist at Stripe after {}: {}, nothing credited, "
                + "recorded for an operator", tx.id(), tx.stripePaymentIntentId(), age, outcome);
        return Reconciled.gaveUp(Reconciled.Cause.MISSING_AT_STRIPE, outcome);
    }

    private Outcome cancel(TransactionRecord tx) {
        PaymentGateway.PaymentLookup canceled = payments.cancel(tx);
        if (canceled instanceof PaymentGateway.PaymentFound intent && "canceled".equals(intent.status())) {
            return work.inTransaction(() -> outcomes.fail(tx, FailureReason.PAYMENT_FAILED));
        }
        // Not canceled (e.g. authenticated and succeeded meanwhile, or Stripe unreachable): look again next round.
        log.warn("deposit {} payment intent {} not canceled: {}", tx.id(), tx.stripePaymentIntentId(),
                canceled instanceof PaymentGateway.PaymentFound intent ? intent.status()
                        : canceled instanceof PaymentGateway.PaymentLookupFailed failed ? failed.error() : "not found");
        return stale.postpone(tx);
    }
}
