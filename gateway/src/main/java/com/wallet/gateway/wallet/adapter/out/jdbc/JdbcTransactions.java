package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.gateway.wallet.application.StoredTransaction;
import com.wallet.gateway.wallet.application.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class JdbcTransactions implements Transactions {

    static final String COLUMNS = """
            id, wallet_id, counterparty_wallet_id, user_id, type, status, amount, currency, failure_reason,
            description, metadata::text AS metadata, request_fingerprint, stripe_payment_intent_id,
            stripe_transfer_id, created_at, updated_at""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM transactions WHERE id = :id";

    private static final String FIND_BY_KEY = "SELECT " + COLUMNS
            + " FROM transactions WHERE user_id = :userId AND idempotency_key = :key";

    /** Source or destination, newest first: each branch walks its own index, then the two are merged. */
    private static final String HISTORY = """
            SELECT %1$s FROM (
                (SELECT * FROM transactions WHERE wallet_id = :walletId
                 ORDER BY created_at DESC, id DESC LIMIT :window)
                UNION ALL
                (SELECT * FROM transactions WHERE counterparty_wallet_id = :walletId
                 ORDER BY created_at DESC, id DESC LIMIT :window)
            ) AS t
            ORDER BY created_at DESC, id DESC
            LIMIT :limit OFFSET :offset
            """.formatted(COLUMNS);

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<StoredTransaction> rows = this::transaction;

    JdbcTransactions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<StoredTransaction> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(rows).optional();
    }

    @Override
    public Optional<StoredTransaction> findByIdempotencyKey(String userId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.sql(FIND_BY_KEY).param("userId", userId).param("key", idempotencyKey).query(rows).optional();
    }

    @Override
    public List<StoredTransaction> history(UUID walletId, int limit, int offset) {
        return jdbc.sql(HISTORY)
                .param("walletId", walletId)
                .param("window", (long) limit + offset)
                .param("limit", limit)
                .param("offset", offset)
                .query(rows).list();
    }

    StoredTransaction transaction(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new StoredTransaction(rs.getObject("id", UUID.class), rs.getObject("wallet_id", UUID.class),
                rs.getObject("counterparty_wallet_id", UUID.class), rs.getString("user_id"),
                TransactionType.valueOf(rs.getString("type")), TransactionStatus.valueOf(rs.getString("status")),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("failure_reason"),
                rs.getBytes("description"), metadata == null ? null : json.readValue(metadata, JSON_OBJECT),
                rs.getString("request_fingerprint"), rs.getString("stripe_payment_intent_id"),
                rs.getString("stripe_transfer_id"), JdbcWallets.instant(rs, "created_at"),
                JdbcWallets.instant(rs, "updated_at"));
    }
}
