package com.wallet.gateway.wallet.adapter.in.graphql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} GraphQL requests run at once and as many again wait, each at most
 * {@code queueWait}; any other is answered 503 UNAVAILABLE with a retry hint at once, before any
 * work is done (no token check, no database, nothing stored). Refusing at once matters: a refusal
 * that waited would hold a server thread, and the requests behind it would queue in the server
 * where no limit applies. Past the machine's capacity more concurrent
 * requests only share the CPU thinner: every answer gets slower and the session store's answers
 * time out, so an overloaded gateway used to answer in tens of seconds, and with errors
 * (README, Benchmark). Bounded, it keeps answering at its capacity and refuses the rest at once.
 */
final class ConcurrencyLimitFilter extends HttpFilter {

    static final String SHED_METRIC = "wallet.gateway.requests.shed";

    private final Semaphore permits;
    private final int maxWaiting;
    private final long queueWaitNanos;
    private final long retryAfterMs;
    private final Counter shed;

    ConcurrencyLimitFilter(int permits, Duration queueWait, MeterRegistry meters) {
        this.permits = new Semaphore(permits, true);
        this.maxWaiting = permits;
        this.queueWaitNanos = queueWait.toNanos();
        this.retryAfterMs = Math.max(100, queueWait.toMillis());
        this.shed = Counter.builder(SHED_METRIC)
                .description("GraphQL requests refused UNAVAILABLE because the gateway was at its concurrency limit")
                .register(meters);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted = permits.tryAcquire();
        if (!admitted && waiting() < maxWaiting) {
            try {
                admitted = permits.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!admitted) {
            shed.increment();
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Requests waiting for a permit now (an estimate, as Semaphore gives it). */
    int waiting() {
        return permits.getQueueLength();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(Math.max(1, TimeUnit.MILLISECONDS.toSeconds(retryAfterMs))));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"errors":[{"message":"the gateway is at capacity; retry after %d ms","extensions":\
                {"classification":"INTERNAL_ERROR","code":"UNAVAILABLE","retryAfterMs":%d}}]}"""
                .formatted(retryAfterMs, retryAfterMs));
    }
}
