package com.wallet.processor.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, in batches of short transactions, what no redelivery can need any more (README
 * "Retention"): processed command and Stripe event ids past {@code processedIdsAfter}, published
 * outbox rows past {@code outboxAfter}. Unpublished outbox rows are never touched. One instance at
 * a time (a transaction-scoped advisory lock); a round that meets the lock held does nothing.
 */
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcRetention retention;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    RetentionPurge(JdbcRetention retention, TransactionTemplate transaction, RetentionProperties properties,
                   MeterRegistry meters, Clock clock) {
        this.retention = retention;
        this.transaction = transaction;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wallet.retention.interval:1h}", initialDelayString = "${wallet.retention.initial-delay:1m}")
    public void purgeScheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("retention round failed, tried again next round: {}", e.getClass().getSimpleName());
        }
    }

    /** One round over every table. @return rows deleted per table */
    public Map<JdbcRetention.Table, Integer> purge() {
        Instant now = clock.instant();
        Map<JdbcRetention.Table, Integer> deleted = new EnumMap<>(JdbcRetention.Table.class);
        for (JdbcRetention.Table table : JdbcRetention.Table.values()) {
            Duration keep = table == JdbcRetention.Table.PROCESSED_COMMANDS
                    || table == JdbcRetention.Table.PROCESSED_STRIPE_EVENTS
                    ? properties.processedIdsAfter() : properties.outboxAfter();
            int total = purge(table, now.minus(keep));
            deleted.put(table, total);
            if (total > 0) {
                Counter.builder("wallet.retention.purged").tag("table", table.name().toLowerCase())
                        .register(meters).increment(total);
                log.info("retention: {} {} row(s) older than {} purged", total, table.name().toLowerCase(), keep);
            }
        }
        return deleted;
    }

    private int purge(JdbcRetention.Table table, Instant before) {
        int total = 0;
        while (true) {
            Integer batch = transaction.execute(status -> retention.tryLock(properties.lockKey())
                    ? retention.purge(table, before, properties.batchSize()) : -1);
            if (batch == null || batch < 0) {
                return total; // another instance is purging
            }
            total += batch;
            if (batch < properties.batchSize()) {
                return total;
            }
        }
    }
}
