package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.common.config.RedisUrls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's wallet read cache as the processor sees it: where to evict.
 *
 * @param enabled WALLET_CACHE_ENABLED (the gateway's switch too)
 * @param url     WALLET_CACHE_REDIS_URL, default the first of REDIS_URL: the Redis the gateway caches in
 * @param timeout the longest an eviction waits for Redis (it never fails the database transaction)
 */
@Validated
@ConfigurationProperties("wallet.cache")
public record WalletCacheProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank String url,
        @DefaultValue("100ms") @NotNull Duration timeout) {

    @Override
    public String toString() {
        return "WalletCacheProperties[enabled=" + enabled + ", url=" + RedisUrls.redacted(url) + ", timeout=" + timeout
                + "]";
    }
}
