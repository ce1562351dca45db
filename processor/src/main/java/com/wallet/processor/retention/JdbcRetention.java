package com.wallet.processor.retention;

import com.wallet.common.outbox.RetentionStatements;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The purge statements ({@link RetentionStatements}), each one batch; call inside a transaction. */
class JdbcRetention {

    /** The tables purged, each with its statement. */
    enum Table {
        PROCESSED_COMMANDS(RetentionStatements.PURGE_PROCESSED_COMMANDS),
        PROCESSED_STRIPE_EVENTS(RetentionStatements.PURGE_PROCESSED_STRIPE_EVENTS),
        COMMAND_OUTBOX(RetentionStatements.PURGE_COMMAND_OUTBOX),
        OUTBOX_EVENTS(RetentionStatements.PURGE_OUTBOX_EVENTS);

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    private final JdbcClient jdbc;

    JdbcRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends: one instance purges at a time (the outbox prefix needs it). */
    boolean tryLock(long key) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", key)
                .query(Boolean.class).single());
    }

    /** @return rows deleted by one batch */
    int purge(Table table, Instant before, int limit) {
        var statement = jdbc.sql(table.sql).param("before", Timestamp.from(before)).param("limit", limit);
        return table == Table.OUTBOX_EVENTS ? statement.query(Integer.class).single() : statement.update();
    }
}
