package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.TransactionEventFactory;
import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.ProcessedCommands;
import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;
import com.wallet.processor.wallet.application.port.Shortfalls;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.StripeRecords;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import com.wallet.processor.wallet.application.port.Wallets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    Wallets wallets(JdbcClient jdbc) {
        return new JdbcWallets(jdbc);
    }

    @Bean
    Transactions transactions(JdbcClient jdbc) {
        return new JdbcTransactions(jdbc);
    }

    @Bean
    StripeRecords stripeRecords(JdbcClient jdbc) {
        return new JdbcStripeRecords(jdbc);
    }

    @Bean
    TransactionsAwaitingStripe transactionsAwaitingStripe(JdbcClient jdbc) {
        return new JdbcTransactionsAwaitingStripe(jdbc);
    }

    @Bean
    Ledger ledger(JdbcClient jdbc) {
        return new JdbcLedger(jdbc);
    }

    @Bean
    ProcessedCommands processedCommands(JdbcClient jdbc) {
        return new JdbcProcessedCommands(jdbc);
    }

    @Bean
    ProcessedStripeEvents processedStripeEvents(JdbcClient jdbc) {
        return new JdbcProcessedStripeEvents(jdbc);
    }

    @Bean
    Shortfalls shortfalls(JdbcClient jdbc) {
        return new JdbcShortfalls(jdbc);
    }

    @Bean
    StripeChargeBacks stripeChargeBacks(JdbcClient jdbc) {
        return new JdbcStripeChargeBacks(jdbc);
    }

    @Bean
    StripeDisagreements stripeDisagreements(JdbcClient jdbc) {
        return new JdbcStripeDisagreements(jdbc);
    }

    @Bean
    LedgerTransitions ledgerTransitions(JdbcClient jdbc, JsonMapper json, TransactionEventFactory events) {
        return new JdbcLedgerTransitions(jdbc, json, events);
    }
}
