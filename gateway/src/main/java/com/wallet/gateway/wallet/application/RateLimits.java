package com.wallet.gateway.wallet.application;

/** Port: the per-user token bucket of money-moving and wallet-creating mutations (Redis). */
public interface RateLimits {

    /**
     * Takes one permit for {@code userId}.
     *
     * @return 0 when granted, else how many milliseconds to wait before asking again
     * @throws RequestRejected UNAVAILABLE when the limiter cannot be reached in time
     */
    long tryAcquire(String userId);

    /** No limit (RATE_LIMIT_MUTATIONS_PER_SECOND=0). */
    RateLimits NONE = userId -> 0;
}
