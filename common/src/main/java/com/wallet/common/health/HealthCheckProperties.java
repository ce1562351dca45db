package com.wallet.common.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout  longest a health check of Kafka, PostgreSQL or Redis may take before it counts as DOWN
 * @param cacheFor how long one answer is reused, so frequent probes stay cheap
 */
@ConfigurationProperties("wallet.health")
public record HealthCheckProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration cacheFor) {

    /** The dependency's own timeout: a little shorter, so it answers before the time box gives up. */
    public Duration innerTimeout() {
        return timeout.multipliedBy(3).dividedBy(4);
    }

    public TimeBoxedHealthIndicator timeBoxed(String name, org.springframework.boot.health.contributor.HealthIndicator check) {
        return new TimeBoxedHealthIndicator(name, check, timeout, cacheFor);
    }
}
