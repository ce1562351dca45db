package com.wallet.gateway.wallet.application;

import java.util.Map;

/** Admits a caller's mutation under the per-user rate limit, or refuses it with RATE_LIMITED. */
public final class MutationAdmission {

    private final RateLimits limits;

    public MutationAdmission(RateLimits limits) {
        this.limits = limits;
    }

    public void admit(Caller caller) {
        long retryAfterMs = limits.tryAcquire(caller.userId());
        if (retryAfterMs > 0) {
            throw new RequestRejected(RejectionCode.RATE_LIMITED, "too many requests; retry after "
                    + retryAfterMs + " ms", Map.of("retryAfterMs", retryAfterMs));
        }
    }
}
