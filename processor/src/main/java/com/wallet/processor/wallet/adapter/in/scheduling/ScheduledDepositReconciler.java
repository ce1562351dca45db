package com.wallet.processor.wallet.adapter.in.scheduling;

import com.wallet.processor.outbox.RelayLeadership;
import com.wallet.processor.wallet.application.ReconcileDepositsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a reconciliation round every {@code wallet.reconciler.reconcile-interval}, in the one
 * instance holding the reconciler's advisory lock. The lock only saves duplicate Stripe calls:
 * the reconciler's status changes are conditional, so two racing instances cannot credit twice.
 */
class ScheduledDepositReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDepositReconciler.class);

    private final ReconcileDepositsService reconciler;
    private final RelayLeadership leadership;

    ScheduledDepositReconciler(ReconcileDepositsService reconciler, RelayLeadership leadership) {
        this.reconciler = reconciler;
        this.leadership = leadership;
    }

    @Scheduled(fixedDelayString = "${wallet.reconciler.reconcile-interval:15s}",
            initialDelayString = "${wallet.reconciler.reconcile-interval:15s}")
    public void reconcile() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            reconciler.reconcileStaleDeposits();
        } catch (RuntimeException e) {
            log.warn("deposit reconciliation round failed, retrying next round: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        leadership.close();
    }
}
