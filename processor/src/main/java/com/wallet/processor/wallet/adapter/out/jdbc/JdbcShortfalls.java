package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.Shortfalls;

import com.wallet.processor.wallet.application.port.Shortfalls;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcShortfalls implements Shortfalls {

    private static final String INSERT = """
            INSERT INTO shortfalls (wallet_id, transaction_id, stripe_event_id, amount, currency, reason)
            VALUES (:wallet, :tx, :event, :amount, :currency, :reason)
            """;

    // Resolved once the ledger's SHORTFALL postings of the transaction are back to zero (covered by a reinstatement).
    private static final String RESOLVE_COVERED = """
            UPDATE shortfalls SET resolved_at = now()
            WHERE transaction_id = :tx AND resolved_at IS NULL
              AND (SELECT COALESCE(sum(amount), 0) FROM ledger_entries
                   WHERE transaction_id = :tx AND account = 'SHORTFALL') = 0
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

    @Override
    public int resolveCovered(UUID transactionId) {
        return jdbc.sql(RESOLVE_COVERED).param("tx", transactionId).update();
    }
}
