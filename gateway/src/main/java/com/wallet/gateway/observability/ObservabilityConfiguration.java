package com.wallet.gateway.observability;

import com.wallet.common.observability.NonBlockingClusterIdAdmin;
import com.wallet.common.observability.QuietBackgroundWork;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The gateway's own metrics beside Boot's (HTTP, GraphQL, JVM, Kafka clients): mutations by code;
 * and traced Kafka sends that do not wait for a cluster id while Kafka is down.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    Instrumentation mutationMetrics(MeterRegistry meters) {
        return new MutationMetrics(meters);
    }

    /** No traces of the command relay's rounds nor of SQL outside a request ({@link QuietBackgroundWork}). */
    @Bean
    ObservationPredicate quietBackgroundWork() {
        return new QuietBackgroundWork();
    }

    /** Static and lazy: a post-processor must not pull beans in early. */
    @Bean
    static BeanPostProcessor tracedTemplatesWithoutClusterIdWait(ObjectProvider<KafkaAdmin> admins) {
        return NonBlockingClusterIdAdmin.forTemplates(admins);
    }
}
