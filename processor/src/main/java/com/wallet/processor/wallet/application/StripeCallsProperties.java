package com.wallet.processor.wallet.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pool that makes the Stripe calls of deposits and withdrawals ({@link StripeCalls}).
 *
 * @param threads       Stripe calls in flight at once per processor instance (each waits on Stripe,
 *                      holding no database connection meanwhile)
 * @param queueCapacity calls waiting for a thread; when it is full the listener thread makes the call
 *                      itself (back-pressure: that partition waits, as it did before issue 7)
 * @param shutdownWait  how long stopping waits for calls in flight and queued before it leaves the
 *                      rest to the reconciler (their transactions stay PROCESSING)
 */
@Validated
@ConfigurationProperties("wallet.stripe-calls")
public record StripeCallsProperties(
        @DefaultValue("8") @Min(1) @Max(256) int threads,
        @DefaultValue("1000") @Min(1) @Max(100_000) int queueCapacity,
        @DefaultValue("10s") @NotNull Duration shutdownWait) {
}
