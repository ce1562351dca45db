package com.wallet.processor.outbox;

import com.wallet.processor.leadership.Leadership;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.observability.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnProperty(name = "wallet.outbox.enabled", havingValue = "true", matchIfMissing = true)
class OutboxConfiguration {

    @Bean
    KafkaTemplate<String, String> outboxKafkaTemplate(KafkaProperties kafka, KafkaClients clients) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // idempotence keeps order
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return clients.template(new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new StringSerializer()));
    }

    @Bean(destroyMethod = "close")
    Leadership relayLeadership(DataSource dataSource, OutboxProperties properties) {
        return new Leadership(dataSource, properties.lockKey(), OutboxStatements.CHANNEL);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> outboxKafkaTemplate,
                            Leadership leadership, OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(new JdbcOutboxEvents(jdbc), outboxKafkaTemplate, leadership, properties.batchSize(),
                properties.sendTimeout(), properties.interval(), meters);
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcClient jdbc, MeterRegistry meters) {
        return new OutboxBacklog(new JdbcOutboxEvents(jdbc), meters);
    }
}
