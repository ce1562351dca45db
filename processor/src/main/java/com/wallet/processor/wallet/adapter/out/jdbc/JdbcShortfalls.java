package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.Shortfalls;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcShortfalls implements Shortfalls {

    private static final String INSERT = """
            INSERT INTO shortfalls (wallet_id, transaction_id, stripe_event_id, amount, currency, reason)
            VALUES (:wallet, :tx, :event, :amount, :currency, :reason)
            """;

    private final JdbcClient jdbc;

    JdbcShortfalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID walletId, UUID transactionId, String stripeEventId, long amount, String currency, String reason) {
        jdbc.sql(INSERT).param("wallet", walletId).param("tx", transactionId).param("event", stripeEventId)
                .param("amount", amount).param("currency", currency).param("reason", reason)
                .update();
    }
}
