package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.common.config.RedisUrls;
import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.RedisQuorumHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisLockProperties.class, HealthCheckProperties.class})
class RedisConfiguration {

    /**
     * One client per independent master (several = RedLock quorum); each authenticates with the
     * password (and ACL user) in its own URL, {@code redis://:PASSWORD@host:port}.
     */
    @Bean(destroyMethod = "shutdown")
    RedissonMasters redissonMasters(RedisLockProperties properties) {
        List<RedissonClient> clients = RedisUrls.split(properties.urls()).stream()
                .map(RedisConfiguration::client)
                .toList();
        return new RedissonMasters(clients);
    }

    @Bean
    WalletLocks walletLocks(RedissonMasters masters, RedisLockProperties properties, MeterRegistry meters) {
        return new MeteredWalletLocks(
                new RedissonWalletLocks(masters.clients(), properties.waitTime(), properties.leaseTime()), meters);
    }

    /** /actuator/health: DOWN when a quorum of the masters does not answer a PING (contract section 11). */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator redisHealthIndicator(RedissonMasters masters, HealthCheckProperties health) {
        return health.timeBoxed("redis", new RedisQuorumHealthIndicator(masters.clients(), health.innerTimeout()));
    }

    private static RedissonClient client(String url) {
        Config config = new Config();
        // Connect on first use: a Redis that is down at start-up is a transient failure (commands are
        // retried with back-off), not a reason for the processor not to start.
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(4).setRetryAttempts(2);
        return Redisson.create(config);
    }

    record RedissonMasters(List<RedissonClient> clients) {
        public void shutdown() {
            clients.forEach(RedissonClient::shutdown);
        }
    }
}
