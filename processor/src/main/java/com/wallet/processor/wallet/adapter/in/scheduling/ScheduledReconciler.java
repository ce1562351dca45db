package com.wallet.processor.wallet.adapter.in.scheduling;

import com.wallet.processor.leadership.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs one reconciler's round every {@code wallet.reconciler.reconcile-interval}, in the one
 * instance holding that reconciler's advisory lock (deposits and withdrawals each have their own,
 * so they run independently). The lock only saves duplicate Stripe calls: every status change a
 * reconciler makes is conditional, so two racing instances cannot credit or pay out twice.
 */
class ScheduledReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReconciler.class);

    private final String name;
    private final Runnable round;
    private final Leadership leadership;

    ScheduledReconciler(String name, Runnable round, Leadership leadership) {
        this.name = name;
        this.round = round;
        this.leadership = leadership;
    }

    @Scheduled(fixedDelayString = "${wallet.reconciler.reconcile-interval:15s}",
            initialDelayString = "${wallet.reconciler.reconcile-interval:15s}")
    public void reconcile() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("{} reconciliation round failed, retrying next round: {}", name, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        leadership.close();
    }
}
