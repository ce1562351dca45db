package com.wallet.processor.wallet.adapter.in.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param concurrency     consumer threads per instance for wallet.commands and stripe.events
 * @param retryInitial    first back-off of a transient failure (database or Redis down)
 * @param retryMax        longest back-off; transient failures are retried without limit
 * @param unmatchedEventRetryInterval, unmatchedEventRetries how long a Stripe event that matches no
 *        transaction is retried before it is dead-lettered
 * @param commandBatchSize most wallet.commands records per poll; a run of transfers among them
 *        applies in one database transaction
 * @param shutdownTimeout how long a stopping container waits for the batch in flight (SIGTERM); one
 *        still running after it is abandoned: its offsets are not committed and the next owner
 *        applies it again, idempotently (Stripe calls handed off to StripeCalls stop after it)
 */
@Validated
@ConfigurationProperties("wallet.processor")
record KafkaListenerProperties(
        @DefaultValue("3") @Min(1) @Max(48) int concurrency,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("10s") Duration retryMax,
        @DefaultValue("1s") Duration unmatchedEventRetryInterval,
        @DefaultValue("30") @Min(0) int unmatchedEventRetries,
        @DefaultValue("20s") Duration shutdownTimeout,
        @DefaultValue("500") @Min(1) @Max(5_000) int commandBatchSize) {
}
