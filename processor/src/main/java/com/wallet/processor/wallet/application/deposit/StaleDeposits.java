package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The reconciler's view of deposits left PROCESSING: the next batch (wallet.reconciler.reconcile-after,
 * batch-size), one left open postponed, how long one may stay open before the reconciler ends it itself, and the count of
 * what each look did (wallet.deposits.reconciled).
 */
class StaleDeposits {

    private final TransactionsAwaitingStripe awaiting;
    private final ReconcilerProperties properties;
    private final MeterRegistry meters;

    StaleDeposits(TransactionsAwaitingStripe awaiting, ReconcilerProperties properties, MeterRegistry meters) {
        this.awaiting = awaiting;
        this.properties = properties;
        this.meters = meters;
    }

    /** At most batch-size deposits idle for reconcile-after, least recently updated first. */
    List<TransactionsAwaitingStripe.StaleDeposit> batch() {
        return awaiting.staleDeposits(properties.reconcileAfter(), properties.batchSize());
    }

    /** Left open: updated_at touched, so it goes to the back of the queue and is looked at again only later. */
    Outcome postpone(TransactionRecord tx) {
        awaiting.postponeReconciliation(tx.id());
        return Outcome.PROCESSING;
    }

    void counted(Reconciled reconciled) {
        Counter.builder("wallet.deposits.reconciled").tag("outcome", reconciled.outcome().name())
                .tag("cause", reconciled.cause().tag()).register(meters).increment();
    }

    /** A payment still uncertain this long after creation is given up. */
    Duration giveUpAfter() {
        return properties.ambiguousGiveUpAfter();
    }

    /** 3-D Secure unfinished this long after creation is canceled. */
    Duration requiresActionTimeout() {
        return properties.requiresActionTimeout();
    }

    /** A recorded PaymentIntent Stripe says does not exist this long after creation ends the deposit. */
    Duration missingAfter() {
        return properties.missingObjectTimeout();
    }
}
