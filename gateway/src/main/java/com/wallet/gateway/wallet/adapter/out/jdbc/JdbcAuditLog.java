package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.gateway.wallet.application.AuditEntry;
import com.wallet.gateway.wallet.application.AuditLog;
import com.wallet.gateway.wallet.application.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** audit_log: inserts only (the database refuses UPDATE and DELETE), read newest first. */
class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_log (actor, action, wallet_id, transaction_id, before, after)
            VALUES (:actor, :action, :walletId, :transactionId, CAST(:before AS jsonb), CAST(:after AS jsonb))
            """;
    private static final String COLUMNS = "SELECT id, occurred_at, actor, action, wallet_id, transaction_id, before, after FROM audit_log";
    private static final String ALL = COLUMNS + " ORDER BY id DESC LIMIT :limit OFFSET :offset";
    private static final String OF_WALLET = COLUMNS + """
             WHERE wallet_id = :walletId OR counterparty_wallet_id = :walletId
            ORDER BY id DESC LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditRecord record) {
        jdbc.sql(INSERT).param("actor", record.actor()).param("action", record.action())
                .param("walletId", record.walletId()).param("transactionId", record.transactionId())
                .param("before", record.before() == null ? null : json.writeValueAsString(record.before()))
                .param("after", record.after() == null ? null : json.writeValueAsString(record.after()))
                .update();
    }

    @Override
    public List<AuditEntry> list(UUID walletId, int limit, int offset) {
        var statement = walletId == null ? jdbc.sql(ALL) : jdbc.sql(OF_WALLET).param("walletId", walletId);
        return statement.param("limit", limit).param("offset", offset).query(this::entry).list();
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getObject("wallet_id", UUID.class), rs.getObject("transaction_id", UUID.class),
                state(rs.getString("before")), state(rs.getString("after")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> state(String text) {
        return text == null ? null : json.readValue(text, Map.class);
    }
}
