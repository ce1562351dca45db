package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.TransactionsAwaitingStripe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcTransactionsAwaitingStripe implements TransactionsAwaitingStripe {

    // transactions_awaiting_stripe: the deposits and withdrawals in PROCESSING, kept by a trigger (V9),
    // so that no index of transactions names status or updated_at and a transfer's update stays HOT.
    private static final String STALE = """
            SELECT t.id, t.wallet_id, t.counterparty_wallet_id, t.type, t.status, t.amount, t.currency,
                   t.failure_reason, t.payment_method, t.stripe_payment_intent_id, t.stripe_transfer_id, t.request_id,
                   floor(EXTRACT(EPOCH FROM (now() - t.created_at)) * 1000)::bigint AS age_ms
            FROM transactions_awaiting_stripe w JOIN transactions t ON t.id = w.transaction_id
            WHERE w.type = :type AND t.status = 'PROCESSING'
              AND w.updated_at <= now() - :idleMs * interval '1 millisecond'
            ORDER BY w.updated_at
            LIMIT :limit
            """;

    private static final String POSTPONE_WITHDRAWAL_RECONCILIATION = """
            UPDATE transactions SET updated_at = now() WHERE id = :id AND type = 'WITHDRAWAL' AND status = 'PROCESSING'
            """;
    private static final String POSTPONE_RECONCILIATION = """
            UPDATE transactions SET updated_at = now() WHERE id = :id AND type = 'DEPOSIT' AND status = 'PROCESSING'
            """;

    private final JdbcClient jdbc;

    JdbcTransactionsAwaitingStripe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StaleDeposit> staleDeposits(Duration idleFor, int limit) {
        return jdbc.sql(STALE).param("type", "DEPOSIT").param("idleMs", idleFor.toMillis()).param("limit", limit)
                .query((rs, n) -> new StaleDeposit(JdbcTransactions.map(rs, n), Duration.ofMillis(rs.getLong("age_ms"))))
                .list();
    }

    @Override
    public List<StaleWithdrawal> staleWithdrawals(Duration idleFor, int limit) {
        return jdbc.sql(STALE).param("type", "WITHDRAWAL").param("idleMs", idleFor.toMillis()).param("limit", limit)
                .query((rs, n) -> new StaleWithdrawal(JdbcTransactions.map(rs, n), Duration.ofMillis(rs.getLong("age_ms"))))
                .list();
    }

    @Override
    public boolean postponeWithdrawalReconciliation(UUID id) {
        return jdbc.sql(POSTPONE_WITHDRAWAL_RECONCILIATION).param("id", id).update() == 1;
    }

    @Override
    public boolean postponeReconciliation(UUID id) {
        return jdbc.sql(POSTPONE_RECONCILIATION).param("id", id).update() == 1;
    }
}
