package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.common.cache.WalletReadCache;
import com.wallet.processor.wallet.application.CachedWalletReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the changed wallets of the current database transaction and deletes their cache keys
 * once just before the commit (one DEL) and once after it; each DEL waits at most {@code timeout}.
 * Counted in {@code wallet.cache.evictions{result}}.
 */
class RedissonCachedWalletReads implements CachedWalletReads {

    private static final Logger log = LoggerFactory.getLogger(RedissonCachedWalletReads.class);

    private final RedissonClient redis;
    private final Duration timeout;
    private final Counter evicted;
    private final Counter failed;

    RedissonCachedWalletReads(RedissonClient redis, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.timeout = timeout;
        this.evicted = evictions(meters, "ok");
        this.failed = evictions(meters, "error");
    }

    private static Counter evictions(MeterRegistry meters, String result) {
        return Counter.builder("wallet.cache.evictions").tag("result", result)
                .description("evictions of cached wallet reads (one DEL each); error = Redis did not take it")
                .register(meters);
    }

    @Override
    public void evictAroundCommit(Collection<UUID> walletIds) {
        if (walletIds.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(walletIds);
            return;
        }
        Object key = this;
        @SuppressWarnings("unchecked")
        Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(key);
        if (changed == null) {
            Set<UUID> fresh = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    evict(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    evict(fresh);
                }
            });
            changed = fresh;
        }
        changed.addAll(walletIds);
    }

    private void evict(Collection<UUID> walletIds) {
        if (WalletReadCache.evict(redis, walletIds, timeout)) {
            evicted.increment();
        } else {
            failed.increment();
            log.warn("{} cached wallet reads not evicted (Redis did not answer in {}); they live out their TTL",
                    walletIds.size(), timeout);
        }
    }
}
