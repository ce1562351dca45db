package com.wallet.gateway.wallet.adapter.out.cache;

import com.wallet.gateway.wallet.application.NewWallet;
import com.wallet.gateway.wallet.application.Wallet;
import com.wallet.gateway.wallet.application.Wallets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The wallets port with {@link #find} read through a cache (cache-aside). The caller's authorization
 * is not here: it stays in the application services, applied to whatever this returns, so the cache
 * holds wallets by id and never answers a question about who may see them. Row-locking reads, lists
 * and writes go to PostgreSQL; a freeze or unfreeze evicts before and after its commit. The processor
 * evicts every wallet whose balance a commit changed (before and after the commit), so an entry
 * lives until the next change or its TTL. When the cache fails or is slow the read falls through to
 * PostgreSQL, counted in {@code wallet.cache.reads{result="error"}}.
 */
class CachingWallets implements Wallets {

    private static final Logger log = LoggerFactory.getLogger(CachingWallets.class);

    private final Wallets database;
    private final Cache cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    private final Counter evictErrors;

    CachingWallets(Wallets database, Cache cache, MeterRegistry meters) {
        this.database = database;
        this.cache = cache;
        this.hits = reads(meters, "hit");
        this.misses = reads(meters, "miss");
        this.errors = reads(meters, "error");
        this.evictErrors = Counter.builder("wallet.cache.evictions").tag("result", "error")
                .description("gateway evictions of cached wallets that Redis did not take").register(meters);
    }

    private static Counter reads(MeterRegistry meters, String result) {
        return Counter.builder("wallet.cache.reads").tag("result", result)
                .description("wallet reads by cache outcome; error = fell through to PostgreSQL").register(meters);
    }

    @Override
    public Optional<Wallet> find(UUID id) {
        boolean cacheAnswers = true;
        try {
            Wallet cached = cache.get(id, Wallet.class);
            if (cached != null) {
                hits.increment();
                return Optional.of(cached);
            }
            misses.increment();
        } catch (RuntimeException e) {
            errors.increment();
            cacheAnswers = false;
            log.debug("wallet cache read failed, reading PostgreSQL: {}", e.getMessage());
        }
        Optional<Wallet> wallet = database.find(id);
        if (cacheAnswers && wallet.isPresent()) {
            try {
                cache.put(id, wallet.get());
            } catch (RuntimeException e) {
                errors.increment();
            }
        }
        return wallet;
    }

    @Override
    public List<Wallet> findByUser(String userId, int limit, int offset) {
        return database.findByUser(userId, limit, offset);
    }

    @Override
    public boolean insertWithinLimit(NewWallet wallet, int maxPerUser) {
        return database.insertWithinLimit(wallet, maxPerUser);
    }

    @Override
    public Optional<Wallet> findForUpdate(UUID id) {
        return database.findForUpdate(id);
    }

    @Override
    public Optional<Wallet> setActive(UUID id, boolean active) {
        Optional<Wallet> changed = database.setActive(id, active);
        evict(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict(id);
                }
            });
        }
        return changed;
    }

    private void evict(UUID id) {
        try {
            cache.evict(id);
        } catch (RuntimeException e) {
            evictErrors.increment();
            log.warn("wallet {} not evicted from the cache ({}); its entry lives out its TTL", id, e.getMessage());
        }
    }
}
