package com.wallet.processor.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
@ConditionalOnProperty(name = "wallet.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionConfiguration {

    @Bean
    RetentionPurge retentionPurge(JdbcClient jdbc, TransactionTemplate transaction, RetentionProperties properties,
                                  MeterRegistry meters) {
        return new RetentionPurge(new JdbcRetention(jdbc), transaction, properties, meters, Clock.systemUTC());
    }
}
