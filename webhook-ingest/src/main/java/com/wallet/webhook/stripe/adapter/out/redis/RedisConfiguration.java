package com.wallet.webhook.stripe.adapter.out.redis;

import com.wallet.common.config.RedisUrls;
import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.RedisQuorumHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.webhook.stripe.application.PublishedEvents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisConfiguration.RedisProperties.class, HealthCheckProperties.class})
class RedisConfiguration {

    /**
     * @param urls     {@code REDIS_URL}: one or more comma-separated masters; de-duplication uses the first
     *                 (with its password, if any: {@code redis://:PASSWORD@host:port})
     * @param eventTtl how long a published event id is remembered
     */
    @Validated
    @ConfigurationProperties("wallet.redis")
    record RedisProperties(@NotBlank String urls, @NotNull Duration eventTtl) {

        String firstUrl() {
            return RedisUrls.split(urls).get(0);
        }

        @Override
        public String toString() {
            return "RedisProperties[urls=" + RedisUrls.redacted(urls) + ", eventTtl=" + eventTtl + "]";
        }
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties properties) {
        Config config = new Config();
        config.useSingleServer().setAddress(properties.firstUrl())
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(8);
        return Redisson.create(config);
    }

    /** /actuator/health: DOWN when the Redis used for de-duplication does not answer a PING (contract section 11). */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator redisHealthIndicator(RedissonClient redisson, HealthCheckProperties health) {
        return health.timeBoxed("redis", new RedisQuorumHealthIndicator(List.of(redisson), health.innerTimeout()));
    }

    @Bean
    PublishedEvents publishedEvents(RedissonClient redisson, RedisProperties properties) {
        return new RedissonPublishedEvents(redisson, properties.eventTtl());
    }
}
