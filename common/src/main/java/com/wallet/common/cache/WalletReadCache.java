package com.wallet.common.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/**
 * The Redis keys of the gateway's cached wallet reads ({@code getWallet}, and the wallet lookups
 * of the mutations' checks and of the ownership checks), and their eviction: shared by the gateway,
 * which reads, fills and evicts (freeze, unfreeze), and the processor, which evicts every wallet a
 * database transaction changed the balance of, just before and again just after the commit.
 */
public final class WalletReadCache {

    public static final String PREFIX = "wallet:cache:";

    private WalletReadCache() {
    }

    public static String key(UUID walletId) {
        return PREFIX + walletId;
    }

    /**
     * Deletes the cached reads of these wallets (one DEL), waiting at most {@code timeout}.
     *
     * @return false when Redis failed or did not answer in time (the entries then live out their TTL)
     */
    public static boolean evict(RedissonClient redis, Collection<UUID> walletIds, Duration timeout) {
        if (walletIds.isEmpty()) {
            return true;
        }
        String[] keys = walletIds.stream().map(WalletReadCache::key).toArray(String[]::new);
        try {
            redis.getKeys().deleteAsync(keys).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
