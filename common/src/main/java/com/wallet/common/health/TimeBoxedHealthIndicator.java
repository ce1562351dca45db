package com.wallet.common.health;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Makes a health check answer within {@code timeout} whatever its dependency does, and keeps it
 * cheap: the answer is reused for {@code cacheFor}, and at most one check is in flight (a
 * dependency that hangs ties up one thread, not one per health call). A check that has not
 * answered in time is DOWN; when it finally answers, the next call sees its result.
 *
 * <p>Contract section 11: /actuator/health turns DOWN when Kafka, PostgreSQL or Redis cannot be
 * reached; an orchestrator's probe must get that answer quickly, not after a driver's 30 s timeout.
 */
public final class TimeBoxedHealthIndicator implements HealthIndicator, AutoCloseable {

    private final HealthIndicator check;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Executor executor;
    private CompletableFuture<Health> inFlight;
    private long inFlightSince;
    private Health last;
    private long lastAt;

    public TimeBoxedHealthIndicator(String name, HealthIndicator check, Duration timeout, Duration cacheFor) {
        this(check, timeout, cacheFor, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-" + name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** With the executor the check runs on; closed with this indicator when it is an {@link ExecutorService}. */
    TimeBoxedHealthIndicator(HealthIndicator check, Duration timeout, Duration cacheFor, Executor executor) {
        this.check = check;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.executor = executor;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> running;
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            if (last != null && now - lastAt < cacheFor.toNanos()) {
                return last;
            }
            running = inFlight;
            if (running == null) {
                // The check may be done before supplyAsync returns (a fast answer, a busy machine), and
                // whenComplete then runs finished() here at once: so wait on this local future, never
                // re-read inFlight, which finished() has set back to null.
                try {
                    running = CompletableFuture.supplyAsync(this::checkSafely, executor);
                } catch (RejectedExecutionException e) {
                    return Health.down().withDetail("error", "closed").build();
                }
                inFlight = running;
                inFlightSince = now;
                CompletableFuture<Health> started = running;
                started.whenComplete((health, failure) -> finished(started, health));
            }
            waitNanos = Math.max(0, timeout.toNanos() - (now - inFlightSince));
        }
        try {
            return running.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        } catch (CancellationException e) {
            return Health.down().withDetail("error", "cancelled").build();
        }
    }

    /** Remembers an answer; a check that failed (an Error) leaves none, and the next call starts a new one. */
    private synchronized void finished(CompletableFuture<Health> check, Health health) {
        if (inFlight == check) {
            inFlight = null;
        }
        if (health != null) {
            last = health;
            lastAt = System.nanoTime();
        }
    }

    private Health checkSafely() {
        try {
            return check.health();
        } catch (RuntimeException e) {
            // the type only: a driver's message can carry hosts, SQL or credentials in URLs
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    /** Stops the check's thread and closes the check when it holds a client (an admin client). */
    @Override
    public void close() throws Exception {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        if (check instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
