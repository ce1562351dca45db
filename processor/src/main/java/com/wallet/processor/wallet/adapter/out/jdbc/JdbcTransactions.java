package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
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
