package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.gateway.wallet.application.AuditLog;
import com.wallet.gateway.wallet.application.CommandOutbox;
import com.wallet.gateway.wallet.application.Submissions;
import com.wallet.gateway.wallet.application.Wallets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the PostgreSQL adapters of the wallet ports. */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

    @Bean
    Wallets wallets(JdbcClient jdbc, TransactionTemplate tx) {
        return new JdbcWallets(jdbc, tx);
    }

    @Bean
    JdbcTransactions transactions(JdbcClient jdbc, JsonMapper json) {
        return new JdbcTransactions(jdbc, json);
    }

    @Bean
    Submissions submissions(JdbcClient jdbc, JsonMapper json, JdbcTransactions transactions) {
        return new JdbcSubmissions(jdbc, json, transactions);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, JsonMapper json) {
        return new JdbcAuditLog(jdbc, json);
    }

    @Bean
    CommandOutbox commandOutbox(JdbcClient jdbc, JsonMapper json) {
        return new JdbcCommandOutbox(jdbc, json);
    }
}
