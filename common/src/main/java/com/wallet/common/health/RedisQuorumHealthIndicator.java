package com.wallet.common.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Redis is reachable when a majority of the independent masters answer a PING within
 * {@code timeout}: with several {@code REDIS_URL}s the lock is a RedLock and works while a quorum
 * is up; with one, that one must answer.
 *
 * <p>The masters are pinged in parallel and the answer comes within {@code timeout}: a master that
 * refuses the connection slowly (a wrong password costs Redisson about 3 s of connection attempts
 * whatever the PING's timeout) or hangs must not hold up the others and turn a quorum DOWN.
 */
public final class RedisQuorumHealthIndicator implements HealthIndicator {

    private final List<RedissonClient> masters;
    private final Duration timeout;
    /** Idle threads end after a minute; daemons, so nothing needs closing. */
    private final Executor pings = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "redis-health-ping");
        t.setDaemon(true);
        return t;
    });

    public RedisQuorumHealthIndicator(List<RedissonClient> masters, Duration timeout) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("at least one Redis master");
        }
        this.masters = List.copyOf(masters);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        List<CompletableFuture<Boolean>> answers = masters.stream()
                .map(master -> CompletableFuture.supplyAsync(() -> answers(master), pings)).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        int reachable = 0;
        for (CompletableFuture<Boolean> answer : answers) {
            if (answered(answer, deadline)) {
                reachable++;
            }
        }
        int quorum = masters.size() / 2 + 1;
        Health.Builder health = reachable >= quorum ? Health.up() : Health.down();
        return health.withDetail("masters", masters.size()).withDetail("reachable", reachable)
                .withDetail("quorum", quorum).build();
    }

    private static boolean answered(CompletableFuture<Boolean> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean answers(RedissonClient master) {
        try {
            return master.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
