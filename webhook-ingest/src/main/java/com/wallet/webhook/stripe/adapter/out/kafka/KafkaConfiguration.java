package com.wallet.webhook.stripe.adapter.out.kafka;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.webhook.stripe.application.StripeEvents;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.validation.annotation.Validated;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaConfiguration.PublishProperties.class)
class KafkaConfiguration {

    /** @param ackTimeout longest wait for the broker's acknowledgement before answering 503 */
    @Validated
    @ConfigurationProperties("wallet.kafka")
    record PublishProperties(@NotNull Duration ackTimeout) {
    }

    @Bean
    StripeEvents kafkaStripeEvents(KafkaTemplate<String, StripeEventMessage> kafka, PublishProperties properties) {
        return new KafkaStripeEvents(kafka, properties.ackTimeout());
    }
}
