package com.wallet.processor.outbox;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads unpublished outbox rows in sequence order and marks them published. */
class JdbcOutboxEvents {

    private static final String UNPUBLISHED = """
            SELECT sequence, wallet_id::text AS wallet_id,
                   jsonb_set(payload, '{sequence}', to_jsonb(sequence))::text AS payload
            FROM outbox_events
            WHERE published_at IS NULL
            ORDER BY sequence
            LIMIT :limit
            """;
    private static final String MARK_PUBLISHED = """
            UPDATE outbox_events SET published_at = now() WHERE sequence IN (:sequences) AND published_at IS NULL
            """;

    /** Walks the partial index of unpublished rows only. */
    private static final String BACKLOG = """
            SELECT count(*) AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest
            FROM outbox_events
            WHERE published_at IS NULL
            """;

    private final JdbcClient jdbc;

    JdbcOutboxEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OutboxEvent> unpublished(int limit) {
        return jdbc.sql(UNPUBLISHED).param("limit", limit)
                .query((rs, n) -> new OutboxEvent(rs.getLong("sequence"), rs.getString("wallet_id"), rs.getString("payload")))
                .list();
    }

    Backlog backlog() {
        return jdbc.sql(BACKLOG).query((rs, n) -> new Backlog(rs.getLong("rows"), rs.getDouble("oldest"))).single();
    }

    record Backlog(long rows, double oldestSeconds) {
    }

    int markPublished(List<Long> sequences) {
        return sequences.isEmpty() ? 0 : jdbc.sql(MARK_PUBLISHED).param("sequences", sequences).update();
    }
}
