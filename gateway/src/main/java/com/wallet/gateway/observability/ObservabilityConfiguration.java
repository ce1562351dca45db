package com.wallet.gateway.observability;

import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own metrics beside Boot's (HTTP, GraphQL, JVM, Kafka clients): mutations by code. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    Instrumentation mutationMetrics(MeterRegistry meters) {
        return new MutationMetrics(meters);
    }
}
