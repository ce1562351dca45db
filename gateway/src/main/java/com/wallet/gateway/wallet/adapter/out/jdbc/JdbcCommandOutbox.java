package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.gateway.wallet.application.CommandOutbox;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class JdbcCommandOutbox implements CommandOutbox {

    /**
     * SKIP LOCKED: when the relay holds the row (a slow send overlapped its round), the request thread
     * does not wait for it; the relay marks the row itself. A relay transaction sees its own lock.
     */
    private static final String MARK_PUBLISHED = """
            UPDATE command_outbox SET published_at = now()
            WHERE command_id = (SELECT command_id FROM command_outbox
                                WHERE command_id = :commandId AND published_at IS NULL
                                FOR UPDATE SKIP LOCKED)
            """;

    private static final String MARK_ALL_PUBLISHED = """
            UPDATE command_outbox SET published_at = now()
            WHERE command_id IN (SELECT command_id FROM command_outbox
                                 WHERE command_id = ANY(CAST(:commandIds AS uuid[])) AND published_at IS NULL
                                 FOR UPDATE SKIP LOCKED)
            """;

    private static final String LOCK_UNPUBLISHED = """
            SELECT o.envelope::text AS envelope, t.request_id FROM command_outbox o
            JOIN transactions t ON t.id = o.command_id
            WHERE o.published_at IS NULL AND o.created_at < now() - make_interval(secs => :olderThanSeconds)
            ORDER BY o.created_at
            LIMIT :limit
            FOR UPDATE OF o SKIP LOCKED
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcCommandOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void markPublished(UUID commandId) {
        jdbc.sql(MARK_PUBLISHED).param("commandId", commandId).update();
    }

    @Override
    public void markPublished(Collection<UUID> commandIds) {
        if (!commandIds.isEmpty()) {
            jdbc.sql(MARK_ALL_PUBLISHED).param("commandIds", commandIds.toArray(UUID[]::new)).update();
        }
    }

    @Override
    public List<Unsent> lockUnpublished(Duration olderThan, int limit) {
        return jdbc.sql(LOCK_UNPUBLISHED)
                .param("olderThanSeconds", olderThan.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, row) -> new Unsent(json.readValue(rs.getString("envelope"), CommandEnvelope.class),
                        rs.getString("request_id")))
                .list();
    }
}
