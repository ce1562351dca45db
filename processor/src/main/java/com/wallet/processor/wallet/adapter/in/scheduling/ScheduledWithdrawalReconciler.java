package com.wallet.processor.wallet.adapter.in.scheduling;

import com.wallet.processor.outbox.RelayLeadership;
import com.wallet.processor.wallet.application.ReconcileWithdrawalsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a withdrawal reconciliation round every {@code wallet.reconciler.reconcile-interval}, in the
 * one instance holding the withdrawal reconciler's advisory lock ({@code withdrawal-lock-key}, not
 * the deposit reconciler's, so the two run independently). The lock only saves duplicate Stripe
 * calls: every status change is conditional, so two racing instances cannot pay out or credit twice.
 */
class ScheduledWithdrawalReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWithdrawalReconciler.class);

    private final ReconcileWithdrawalsService reconciler;
    private final RelayLeadership leadership;

    ScheduledWithdrawalReconciler(ReconcileWithdrawalsService reconciler, RelayLeadership leadership) {
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
            reconciler.reconcileStaleWithdrawals();
        } catch (RuntimeException e) {
            log.warn("withdrawal reconciliation round failed, retrying next round: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        leadership.close();
    }
}
