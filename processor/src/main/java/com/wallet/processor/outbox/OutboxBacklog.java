package com.wallet.processor.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * wallet.outbox.backlog (unpublished outbox rows) and wallet.outbox.oldest.age (seconds the oldest
 * of them has waited), counted every few seconds on a scheduler thread, so a scrape never waits for
 * the database and a large backlog is counted once per interval, not once per scrape. Every
 * instance reports the same, global figure (the relay runs on one of them).
 */
class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final JdbcOutboxEvents outbox;
    private volatile double rows = Double.NaN;
    private volatile double oldestSeconds = Double.NaN;

    OutboxBacklog(JdbcOutboxEvents outbox, MeterRegistry meters) {
        this.outbox = outbox;
        Gauge.builder("wallet.outbox.backlog", this, b -> b.rows).description("unpublished outbox rows")
                .register(meters);
        Gauge.builder("wallet.outbox.oldest.age", this, b -> b.oldestSeconds)
                .description("how long the oldest unpublished outbox row has waited").baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${wallet.outbox.backlog-interval-ms:5000}")
    void refresh() {
        try {
            JdbcOutboxEvents.Backlog backlog = outbox.backlog();
            rows = backlog.rows();
            oldestSeconds = backlog.oldestSeconds();
        } catch (RuntimeException e) {
            // unknown, not zero: the database cannot be asked (its health check says so)
            rows = Double.NaN;
            oldestSeconds = Double.NaN;
            log.debug("outbox backlog not counted: {}", e.getClass().getSimpleName());
        }
    }
}
