package com.wallet.gateway.wallet.adapter.out.kafka;

import com.wallet.common.messaging.DeclaredTopics;
import com.wallet.gateway.wallet.application.CommandPublisher;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** The Kafka side of the gateway: the command publisher and the topics it relies on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaConfiguration.TopicProperties.class)
public class KafkaConfiguration {

    @Bean
    CommandPublisher commandPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, TopicProperties topics) {
        return new KafkaCommandPublisher(kafka, json, topics.sendTimeout());
    }

    /** Every topic of wallet/kafka.properties, created when missing (the same file bin/wallet and compose read). */
    @Bean
    KafkaAdmin.NewTopics declaredTopics() {
        DeclaredTopics declared = DeclaredTopics.load();
        return new KafkaAdmin.NewTopics(declared.topics().stream()
                .map(t -> TopicBuilder.name(t.name()).partitions(t.partitions()).replicas(declared.replication()).build())
                .toArray(NewTopic[]::new));
    }

    /**
     * @param sendTimeout how long a request waits for the broker's acknowledgement (topics, partitions
     *                    and replication are in wallet/kafka.properties)
     */
    @Validated
    @ConfigurationProperties("wallet.kafka")
    public record TopicProperties(@DefaultValue("5s") @NotNull Duration sendTimeout) {
    }
}
