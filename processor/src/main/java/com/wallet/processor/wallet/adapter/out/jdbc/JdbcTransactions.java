package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcTransactions implements Transactions {

    static final String COLUMNS = """
            SELECT id, wallet_id, counterparty_wallet_id, type, status, amount, currency, failure_reason,
                   payment_method, stripe_payment_intent_id, stripe_transfer_id, request_id
            FROM transactions
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = :id";
    private static final String BY_PAYMENT_INTENT = COLUMNS + " WHERE stripe_payment_intent_id = :pi";
    private static final String BY_TRANSFER = COLUMNS + " WHERE stripe_transfer_id = :tr";
    private static final String RECORD_PAYMENT_INTENT = """
            UPDATE transactions SET stripe_payment_intent_id = :pi, updated_at = now()
            WHERE id = :id AND stripe_payment_intent_id IS NULL
            """;
    private static final String RECORD_CUSTOMER_ACTION = """
            UPDATE transactions
            SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object(
                    'nextAction', jsonb_strip_nulls(jsonb_build_object('type', :type::text, 'redirectUrl', :url::text)),
                    'sealedClientSecret', :secret::text),
                updated_at = now()
            WHERE id = :id AND status = 'PROCESSING'
            """;
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

    JdbcTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TransactionRecord> find(UUID id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcTransactions::map).optional();
    }

    @Override
    public Optional<TransactionRecord> findByPaymentIntent(String paymentIntentId) {
        return jdbc.sql(BY_PAYMENT_INTENT).param("pi", paymentIntentId).query(JdbcTransactions::map).optional();
    }

    @Override
    public Optional<TransactionRecord> findByStripeTransfer(String transferId) {
        return jdbc.sql(BY_TRANSFER).param("tr", transferId).query(JdbcTransactions::map).optional();
    }

    @Override
    public boolean recordPaymentIntent(UUID id, String paymentIntentId) {
        return jdbc.sql(RECORD_PAYMENT_INTENT).param("id", id).param("pi", paymentIntentId).update() == 1;
    }

    @Override
    public boolean recordCustomerAction(UUID id, java.util.Map<String, String> nextAction, String sealedClientSecret) {
        return jdbc.sql(RECORD_CUSTOMER_ACTION).param("id", id).param("type", nextAction.get("type"))
                .param("url", nextAction.get("redirectUrl")).param("secret", sealedClientSecret).update() == 1;
    }

    @Override
    public List<StaleDeposit> staleDeposits(Duration idleFor, int limit) {
        return jdbc.sql(STALE).param("type", "DEPOSIT").param("idleMs", idleFor.toMillis()).param("limit", limit)
                .query((rs, n) -> new StaleDeposit(map(rs, n), Duration.ofMillis(rs.getLong("age_ms"))))
                .list();
    }

    @Override
    public List<StaleWithdrawal> staleWithdrawals(Duration idleFor, int limit) {
        return jdbc.sql(STALE).param("type", "WITHDRAWAL").param("idleMs", idleFor.toMillis()).param("limit", limit)
                .query((rs, n) -> new StaleWithdrawal(map(rs, n), Duration.ofMillis(rs.getLong("age_ms"))))
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

    static TransactionRecord map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("failure_reason");
        return new TransactionRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("wallet_id", UUID.class),
                rs.getObject("counterparty_wallet_id", UUID.class),
                TransactionType.valueOf(rs.getString("type")),
                TransactionStatus.valueOf(rs.getString("status")),
                rs.getLong("amount"),
                rs.getString("currency").trim(),
                reason == null ? null : FailureReason.valueOf(reason),
                rs.getBytes("payment_method"),
                rs.getString("stripe_payment_intent_id"),
                rs.getString("stripe_transfer_id"),
                rs.getString("request_id"));
    }
}
