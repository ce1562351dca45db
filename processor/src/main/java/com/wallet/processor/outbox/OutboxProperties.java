package com.wallet.processor.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled   relay outbox_events to wallet.transactions
 * @param batchSize events per round
 * @param lockKey   the pg advisory lock key that elects the one relaying instance
 * @param sendTimeout how long to wait for the broker's acks of one round
 * @param interval  the longest wait between rounds; a commit's NOTIFY ends the wait earlier
 */
@Validated
@ConfigurationProperties("wallet.outbox")
record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("7262631") long lockKey,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("100ms") Duration interval) {
}
