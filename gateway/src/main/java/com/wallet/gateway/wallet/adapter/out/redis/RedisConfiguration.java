package com.wallet.gateway.wallet.adapter.out.redis;

import com.wallet.common.config.RedisUrls;
import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.RedisQuorumHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.gateway.auth.SecurityConfiguration.JwtProperties;
import com.wallet.gateway.wallet.application.RateLimits;
import com.wallet.gateway.wallet.application.Sessions;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Sessions (revocations) and the per-user rate limit, in the first Redis of REDIS_URL; the client
 * authenticates with that URL's password (and ACL user), {@code redis://:PASSWORD@host:port}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisConfiguration.RedisProperties.class, HealthCheckProperties.class})
public class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties properties) {
        int timeout = (int) properties.commandTimeout().toMillis();
        Config config = new Config();
        // Connect on first use: a Redis that is down at start-up makes requests UNAVAILABLE, not the gateway absent.
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(properties.firstUrl())
                .setConnectionMinimumIdleSize(2).setConnectionPoolSize(32)
                .setConnectTimeout(timeout).setTimeout(timeout).setRetryAttempts(1);
        return Redisson.create(config);
    }

    @Bean
    Sessions sessions(RedissonClient redisson, RedisProperties properties, JwtProperties jwt, Clock clock) {
        // A per-user not-before outlives every token it can refuse: the longest lifetime plus the clock skew.
        return new RedissonSessions(redisson, properties.answerTimeout(), jwt.maxTokenLifetime().plus(jwt.clockSkew()),
                clock);
    }

    @Bean
    RateLimits rateLimits(RedissonClient redisson, RedisProperties properties) {
        return properties.rateLimitMutationsPerSecond() == 0 ? RateLimits.NONE
                : new RedissonRateLimits(redisson, properties.rateLimitMutationsPerSecond(), properties.answerTimeout());
    }

    /** /actuator/health: DOWN when the Redis of sessions and rate limits does not answer a PING (contract section 11). */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator redisHealthIndicator(RedissonClient redisson, HealthCheckProperties health) {
        return health.timeBoxed("redis", new RedisQuorumHealthIndicator(List.of(redisson), health.innerTimeout()));
    }

    /**
     * @param urls                        {@code REDIS_URL}; the gateway uses the first (with its password, if any)
     * @param commandTimeout              Redisson's connect and command timeout
     * @param answerTimeout               the longest a request waits for Redis before it is UNAVAILABLE (contract: 5 s)
     * @param rateLimitMutationsPerSecond {@code RATE_LIMIT_MUTATIONS_PER_SECOND}, burst twice that; 0 = no limit
     */
    @Validated
    @ConfigurationProperties("wallet.redis")
    public record RedisProperties(@NotBlank String urls,
                                  @DefaultValue("1s") @NotNull Duration commandTimeout,
                                  @DefaultValue("2s") @NotNull Duration answerTimeout,
                                  @DefaultValue("100") @Min(0) long rateLimitMutationsPerSecond) {

        String firstUrl() {
            return RedisUrls.split(urls).get(0);
        }

        @Override
        public String toString() {
            return "RedisProperties[urls=" + RedisUrls.redacted(urls) + ", commandTimeout=" + commandTimeout
                    + ", answerTimeout=" + answerTimeout + ", rateLimitMutationsPerSecond=" + rateLimitMutationsPerSecond + "]";
        }
    }
}
