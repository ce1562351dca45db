package com.wallet.gateway.wallet.adapter.out.cache;

import com.wallet.common.cache.WalletReadCache;
import com.wallet.gateway.wallet.application.Wallet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's {@link org.springframework.cache.Cache} over Redis (Redisson): one string key per wallet
 * ({@link WalletReadCache#key}), the wallet as JSON, a TTL on every entry. Every Redis call waits at
 * most {@code timeout}; a failure or a late answer is thrown ({@link CacheUnavailableException}), for
 * the caller to fall through to PostgreSQL. Nulls are not stored (a missing wallet is not cached).
 */
class RedisWalletCache extends AbstractValueAdaptingCache {

    static final String NAME = "wallets";

    private final RedissonClient redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final Duration timeout;

    RedisWalletCache(RedissonClient redis, JsonMapper json, Duration ttl, Duration timeout) {
        super(false);
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
        this.timeout = timeout;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Object getNativeCache() {
        return redis;
    }

    @Override
    protected Object lookup(Object key) {
        String value = await(redis.<String>getBucket(WalletReadCache.key((UUID) key), StringCodec.INSTANCE).getAsync());
        return value == null ? null : json.readValue(value, Wallet.class);
    }

    @Override
    public void put(Object key, Object value) {
        if (value != null) {
            await(redis.<String>getBucket(WalletReadCache.key((UUID) key), StringCodec.INSTANCE)
                    .setAsync(json.writeValueAsString(value), ttl));
        }
    }

    @Override
    public void evict(Object key) {
        if (!WalletReadCache.evict(redis, List.of((UUID) key), timeout)) {
            throw new CacheUnavailableException("evict");
        }
    }

    @Override
    public void clear() {
        await(redis.getKeys().deleteByPatternAsync(WalletReadCache.PREFIX + "*"));
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        throw new UnsupportedOperationException("CachingWallets loads explicitly");
    }

    private <T> T await(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheUnavailableException("interrupted");
        } catch (Exception e) {
            throw new CacheUnavailableException(e.getClass().getSimpleName());
        }
    }

    /** Redis failed or did not answer within the timeout. */
    static final class CacheUnavailableException extends RuntimeException {
        CacheUnavailableException(String what) {
            super("wallet cache unavailable: " + what);
        }
    }
}
