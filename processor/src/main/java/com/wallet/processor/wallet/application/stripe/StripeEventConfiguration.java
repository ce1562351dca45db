package com.wallet.processor.wallet.application.stripe;

import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.deposit.DepositStripeEvents;
import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.withdrawal.WithdrawalStripeEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Stripe events to the deposit's and the withdrawal's entries for them. */
@Configuration(proxyBeanMethods = false)
class StripeEventConfiguration {

    @Bean
    ApplyStripeEventService applyStripeEventService(ProcessedStripeEvents processed, Transactions transactions,
                                                    MeterRegistry meters, WalletTransactions work,
                                                    DepositStripeEvents deposits, WithdrawalStripeEvents withdrawals) {
        return new ApplyStripeEventService(new ReceivedStripeEvents(processed, transactions, meters), work, deposits,
                withdrawals);
    }
}
