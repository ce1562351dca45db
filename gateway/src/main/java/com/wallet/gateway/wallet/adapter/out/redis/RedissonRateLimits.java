package com.wallet.gateway.wallet.adapter.out.redis;

import com.wallet.gateway.wallet.application.RateLimits;
import com.wallet.gateway.wallet.application.RequestRejected;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

/**
 * One Redisson {@code RRateLimiter} per user: {@code 2 x rate} permits per 2 s window, i.e. a burst of twice
 * the rate and the rate on average. The configuration is written only when absent (then the permit is taken)
 * and expires after the user's inactivity, so idle users leave no keys behind.
 */
class RedissonRateLimits implements RateLimits {

    private static final String KEY = "wallet:ratelimit:mutations:";
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(10);

    private final RedissonClient redisson;
    private final long ratePerSecond;
    private final Duration answerTimeout;

    RedissonRateLimits(RedissonClient redisson, long ratePerSecond, Duration answerTimeout) {
        this.redisson = redisson;
        this.ratePerSecond = ratePerSecond;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public long tryAcquire(String userId) {
        RRateLimiter limiter = redisson.getRateLimiter(KEY + userId);
        try {
            Boolean granted = limiter.trySetRateAsync(RateType.OVERALL, 2 * ratePerSecond, WINDOW, KEEP_ALIVE)
                    .thenCompose(configured -> limiter.tryAcquireAsync())
                    .toCompletableFuture().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Boolean.TRUE.equals(granted) ? 0 : retryAfterMs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestRejected.unavailable("the rate limiter");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw RequestRejected.unavailable("the rate limiter");
        }
    }

    /** The time one permit takes to come back at the average rate (the window slides; a hint, at least 1 ms). */
    private long retryAfterMs() {
        return Math.max(1, (1000 + ratePerSecond - 1) / ratePerSecond);
    }
}
