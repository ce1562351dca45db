package com.wallet.gateway.health;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.KafkaClusterHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /actuator/health is DOWN when PostgreSQL or Kafka cannot be reached (contract section 11).
 * This service uses no Redis. Every check is time-boxed and cached ({@link TimeBoxedHealthIndicator}): the
 * pool would otherwise wait its 30 s connection timeout for a database that is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthCheckProperties.class)
public class HealthConfiguration {

    /** Replaces Spring Boot's "db" indicator (same bean name) with the time-boxed one. */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator dbHealthIndicator(DataSource dataSource, HealthCheckProperties health) {
        return health.timeBoxed("db", new DataSourceHealthIndicator(dataSource, "SELECT 1"));
    }

    /** Not a bean itself (it would be a second, unbounded "kafka" check); closed with its time box. */
    @Bean(destroyMethod = "close")
    TimeBoxedHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, HealthCheckProperties health) {
        return health.timeBoxed("kafka",
                new KafkaClusterHealthIndicator(kafka.buildAdminProperties(), health.innerTimeout()));
    }
}
