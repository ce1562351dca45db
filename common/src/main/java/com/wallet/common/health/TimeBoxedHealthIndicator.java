package com.wallet.common.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final ExecutorService executor;
    private CompletableFuture<Health> inFlight;
    private long inFlightSince;
    private Health last;
    private long lastAt;

    public TimeBoxedHealthIndicator(String name, HealthIndicator check, Duration timeout, Duration cacheFor) {
        this.check = check;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-" + name);
            t.setDaemon(true);
            return t;
        });
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
                running = CompletableFuture.supplyAsync(this::checkSafely, executor);
                inFlight = running;
                inFlightSince = now;
                // A check that is already done runs remember() here, at once (this thread holds the
                // lock): it clears inFlight, so this call keeps its own reference.
                running.thenAccept(this::remember);
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
        }
    }

    private synchronized void remember(Health health) {
        last = health;
        lastAt = System.nanoTime();
        inFlight = null;
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
        executor.shutdownNow();
        if (check instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
