package com.wallet.gateway.wallet.adapter.in.kafka;

import com.wallet.gateway.wallet.application.TransactionChanges;
import com.wallet.gateway.wallet.application.TransactionQueries;
import com.wallet.gateway.wallet.application.TransactionUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The wallet.transactions feed behind the {@code transactionUpdated} subscription. */
@Configuration(proxyBeanMethods = false)
public class TransactionFeedConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTransactionChanges transactionChanges(ConsumerFactory<?, ?> consumers, JsonMapper json) {
        // Boot's consumer factory deserializes keys and values as strings (spring.kafka.consumer defaults).
        return new KafkaTransactionChanges((ConsumerFactory<String, String>) consumers, json);
    }

    @Bean
    TransactionUpdates transactionUpdates(TransactionQueries queries, TransactionChanges changes) {
        return new TransactionUpdates(queries, changes);
    }
}
