package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.processor.wallet.application.CommandRows;
import com.wallet.processor.wallet.application.PayoutProperties;
import com.wallet.processor.wallet.application.ReconcilerProperties;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import com.wallet.processor.wallet.application.port.Wallets;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the withdrawal feature: its use cases and {@link WithdrawalStripeEvents} are its public
 * face; the payouts and outcomes they share stay package-private.
 */
@Configuration(proxyBeanMethods = false)
class WithdrawalConfiguration {

    @Bean
    WithdrawalOutcomes withdrawalOutcomes(LedgerTransitions transitions, Ledger ledger,
                                          StripeDisagreements disagreements) {
        return new WithdrawalOutcomes(transitions, ledger, disagreements);
    }

    @Bean
    WithdrawalPayouts withdrawalPayouts(WalletTransactions work, Wallets wallets, PaymentGateway payments,
                                        WithdrawalOutcomes outcomes, PayoutProperties payouts) {
        return new WithdrawalPayouts(work, wallets, payments, outcomes, payouts.defaultDestination());
    }

    @Bean
    WithdrawFundsService withdrawFundsService(WalletTransactions work, CommandRows rows, LedgerTransitions transitions,
                                              WithdrawalPayouts payouts) {
        return new WithdrawFundsService(work, rows, transitions, payouts);
    }

    @Bean
    ReconcileWithdrawalsService reconcileWithdrawalsService(TransactionsAwaitingStripe awaiting,
                                                            WithdrawalPayouts payouts, ReconcilerProperties properties,
                                                            MeterRegistry meters) {
        return new ReconcileWithdrawalsService(awaiting, payouts, properties, meters);
    }

    @Bean
    WithdrawalStripeEvents withdrawalStripeEvents(WithdrawalOutcomes outcomes, Transactions transactions) {
        return new WithdrawalStripeEvents(outcomes, transactions);
    }
}
