package com.wallet.gateway.wallet.adapter.out.kafka;

import com.wallet.common.messaging.Topics;
import com.wallet.gateway.wallet.application.CommandPublisher;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
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

    @Bean
    NewTopic walletCommandsTopic(TopicProperties topics) {
        return topic(Topics.WALLET_COMMANDS, Topics.COMMAND_PARTITIONS, topics);
    }

    @Bean
    NewTopic walletCommandsDlqTopic(TopicProperties topics) {
        return topic(Topics.WALLET_COMMANDS_DLQ, topics.partitions(), topics);
    }

    @Bean
    NewTopic stripeEventsTopic(TopicProperties topics) {
        return topic(Topics.STRIPE_EVENTS, topics.partitions(), topics);
    }

    @Bean
    NewTopic walletTransactionsTopic(TopicProperties topics) {
        return topic(Topics.WALLET_TRANSACTIONS, topics.partitions(), topics);
    }

    private static NewTopic topic(String name, int partitions, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(partitions).replicas(topics.replicationFactor()).build();
    }

    /**
     * @param replicationFactor replicas of the topics created when missing (1 on a single local broker)
     * @param partitions        partitions of the topics other than wallet.commands (which has 12)
     * @param sendTimeout       how long a request waits for the broker's acknowledgement
     */
    @Validated
    @ConfigurationProperties("wallet.kafka")
    public record TopicProperties(@DefaultValue("1") @Min(1) int replicationFactor,
                                  @DefaultValue("12") @Min(1) int partitions,
                                  @DefaultValue("5s") @NotNull Duration sendTimeout) {
    }
}
