package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.port.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The reconciler's view of deposits left PROCESSING: the next batch (wallet.reconciler.reconcile-after,
 * batch-size), how long one may stay open before the reconciler ends it itself, and the count of
 * what each look did (wallet.deposits.reconciled).
 */
class StaleDeposits {

    private final Transactions transactions;
    private final ReconcilerProperties properties;
    private final MeterRegistry meters;

    StaleDeposits(Transactions transactions, ReconcilerProperties properties, MeterRegistry meters) {
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
    }

    /** At most batch-size deposits idle for reconcile-after, least recently updated first. */
    List<Transactions.StaleDeposit> batch() {
        return transactions.staleDeposits(properties.reconcileAfter(), properties.batchSize());
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
