package com.wallet.common.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Redis is reachable when a majority of the independent masters answer a PING within
 * {@code timeout}: with several {@code REDIS_URL}s the lock is a RedLock and works while a quorum
 * is up; with one, that one must answer.
 */
public final class RedisQuorumHealthIndicator implements HealthIndicator {

    private final List<RedissonClient> masters;
    private final Duration timeout;

    public RedisQuorumHealthIndicator(List<RedissonClient> masters, Duration timeout) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("at least one Redis master");
        }
        this.masters = List.copyOf(masters);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        int reachable = 0;
        for (RedissonClient master : masters) {
            if (answers(master)) {
                reachable++;
            }
        }
        int quorum = masters.size() / 2 + 1;
        Health.Builder health = reachable >= quorum ? Health.up() : Health.down();
        return health.withDetail("masters", masters.size()).withDetail("reachable", reachable)
                .withDetail("quorum", quorum).build();
    }

    private boolean answers(RedissonClient master) {
        try {
            return master.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
