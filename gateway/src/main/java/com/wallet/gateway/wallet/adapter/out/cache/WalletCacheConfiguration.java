package com.wallet.gateway.wallet.adapter.out.cache;

import com.wallet.common.config.RedisUrls;
import com.wallet.gateway.wallet.application.Wallets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet read cache (README "Operations", wallet cache): the {@link Wallets} the application
 * services get is the database's, read through Redis when {@code wallet.cache.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalletCacheConfiguration.WalletCacheProperties.class)
public class WalletCacheConfiguration {

    @Bean
    @Primary
    Wallets wallets(@Qualifier("databaseWallets") Wallets database, WalletCacheProperties properties,
                    CacheClient client, JsonMapper json, MeterRegistry meters) {
        if (!properties.enabled()) {
            return database;
        }
        return new CachingWallets(database,
                new RedisWalletCache(client.redis(), json, properties.ttl(), properties.timeout()), meters);
    }

    /** Its own client (and so its own timeouts); not a RedissonClient bean, which would be ambiguous. */
    @Bean(destroyMethod = "shutdown")
    CacheClient walletCacheClient(WalletCacheProperties properties) {
        int timeout = (int) properties.timeout().toMillis();
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(RedisUrls.split(properties.url()).get(0))
                .setConnectionMinimumIdleSize(2).setConnectionPoolSize(32)
                .setConnectTimeout(Math.max(timeout, 100)).setTimeout(timeout).setRetryAttempts(0);
        return new CacheClient(Redisson.create(config));
    }

    record CacheClient(RedissonClient redis) {
        public void shutdown() {
            redis.shutdown();
        }
    }

    /**
     * @param enabled WALLET_CACHE_ENABLED
     * @param url     WALLET_CACHE_REDIS_URL, default the first of REDIS_URL (the processor evicts there too)
     * @param ttl     the longest an entry lives without a change of its wallet
     * @param timeout the longest a read waits for the cache before it reads PostgreSQL
     */
    @Validated
    @ConfigurationProperties("wallet.cache")
    public record WalletCacheProperties(@DefaultValue("true") boolean enabled,
                                        @NotBlank String url,
                                        @DefaultValue("30s") @NotNull Duration ttl,
                                        @DefaultValue("100ms") @NotNull Duration timeout) {

        @Override
        public String toString() {
            return "WalletCacheProperties[enabled=" + enabled + ", url=" + RedisUrls.redacted(url) + ", ttl=" + ttl
                    + ", timeout=" + timeout + "]";
        }
    }
}
