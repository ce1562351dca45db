package com.wallet.webhook.observability;

import com.wallet.common.observability.NonBlockingClusterIdAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Traced Kafka sends that do not wait for a cluster id while Kafka is down ({@link NonBlockingClusterIdAdmin}). */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Static and lazy: a post-processor must not pull beans in early. */
    @Bean
    static BeanPostProcessor tracedTemplatesWithoutClusterIdWait(ObjectProvider<KafkaAdmin> admins) {
        return NonBlockingClusterIdAdmin.forTemplates(admins);
    }
}
