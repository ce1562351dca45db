package com.wallet.webhook.health;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.KafkaClusterHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /actuator/health is DOWN when Kafka cannot be reached (contract section 11); Redis is checked
 * beside its client ({@code RedisConfiguration}). This service uses no database. Every check is
 * time-boxed and cached ({@link TimeBoxedHealthIndicator}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthCheckProperties.class)
public class HealthConfiguration {

    /** Not a bean itself (it would be a second, unbounded "kafka" check); closed with its time box. */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, HealthCheckProperties health) {
        return health.timeBoxed("kafka",
                new KafkaClusterHealthIndicator(kafka.buildAdminProperties(), health.innerTimeout()));
    }
}
