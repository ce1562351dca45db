package com.wallet.processor.wallet.adapter.in.scheduling;

import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.deposit.ReconcileDepositsService;
import com.wallet.processor.wallet.application.withdrawal.ReconcileWithdrawalsService;

import com.wallet.processor.leadership.Leadership;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wallet.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class ReconcilerConfiguration {

    /** Each with its own advisory lock (not beans, so the outbox relay's leadership stays the only one). */
    @Bean(destroyMethod = "close")
    ScheduledReconciler scheduledDepositReconciler(ReconcileDepositsService reconciler, DataSource dataSource,
                                                   ReconcilerProperties properties) {
        return new ScheduledReconciler("deposit", reconciler::reconcileStaleDeposits,
                new Leadership(dataSource, properties.lockKey()));
    }

    @Bean(destroyMethod = "close")
    ScheduledReconciler scheduledWithdrawalReconciler(ReconcileWithdrawalsService reconciler, DataSource dataSource,
                                                      ReconcilerProperties properties) {
        return new ScheduledReconciler("withdrawal", reconciler::reconcileStaleWithdrawals,
                new Leadership(dataSource, properties.withdrawalLockKey()));
    }
}
