package com.wallet.processor.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What is purged and when (README "Retention").
 *
 * @param processedIdsAfter processed_commands and processed_stripe_events rows older than this go:
 *                          keep it longer than wallet.commands' and stripe.events' Kafka retention
 *                          (and Stripe's 3-day webhook retries), so no redelivery can be older
 * @param outboxAfter       published outbox_events and command_outbox rows go this long after they
 *                          were published (unpublished ones never)
 * @param batchSize         rows deleted per statement (one short transaction each)
 * @param interval          pause between rounds
 * @param lockKey           the pg advisory lock that lets one processor instance purge at a time
 */
@Validated
@ConfigurationProperties("wallet.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") @NotNull Duration processedIdsAfter,
        @DefaultValue("7d") @NotNull Duration outboxAfter,
        @DefaultValue("1000") @Min(1) @Max(100_000) int batchSize,
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("7262640") long lockKey) {
}
