package com.wallet.stripeemulator;

import java.util.List;

/**
 * A failure queued for the next {@code count} API requests matching {@code method} and {@code path}.
 *
 * @param kind        {@code error_before} (500, nothing done), {@code error_after} (500 after the
 *                    work committed), {@code rate_limit} (429, nothing done), {@code slow} (work
 *                    commits, answer after {@code delayMs}), {@code stall} (the work starts after
 *                    {@code delayMs}, its idempotency key in flight meanwhile), {@code drop} (work commits, connection
 *                    dropped mid-answer), {@code decline} (402 card_error, nothing done)
 * @param method      HTTP method to match, null for any
 * @param path        path prefix to match, null for any {@code /v1} path
 * @param count       how many matching requests fail
 * @param delayMs     for {@code slow} and {@code stall}
 * @param shouldRetry for {@code rate_limit}: send {@code Stripe-Should-Retry: true}
 * @param declineCode for {@code decline}, default {@code generic_decline}
 */
record Fault(String kind, String method, String path, Integer count, Long delayMs, Boolean shouldRetry,
             String declineCode) {

    static final List<String> KINDS = List.of(
            "error_before", "error_after", "rate_limit", "slow", "stall", "drop", "decline");

    Fault {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS);
        }
        count = count == null ? 1 : Math.max(count, 1);
        delayMs = delayMs == null ? 0 : delayMs;
        shouldRetry = Boolean.TRUE.equals(shouldRetry);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || requestPath.startsWith(path));
    }

    boolean before() {
        return kind.equals("error_before") || kind.equals("rate_limit") || kind.equals("decline");
    }

    Fault used() {
        return new Fault(kind, method, path, count - 1, delayMs, shouldRetry, declineCode);
    }
}
