package com.wallet.processor.observability;

import com.wallet.common.observability.NonBlockingClusterIdAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The processor builds its own consumer and producer factories (its own serializers, group and
 * acks), so Spring Boot's factory customizers (Micrometer's Kafka client metrics: records-lag,
 * request latency, ...) and the observation switches (tracing spans, the traceparent header) are
 * applied here, the way Boot applies them to the factories it builds itself.
 */
public final class KafkaClients {

    private final ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> consumerCustomizers;
    private final ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerCustomizers;
    private final ObjectProvider<KafkaAdmin> admins;

    public KafkaClients(ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> consumerCustomizers,
                        ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerCustomizers,
                        ObjectProvider<KafkaAdmin> admins) {
        this.consumerCustomizers = consumerCustomizers;
        this.producerCustomizers = producerCustomizers;
        this.admins = admins;
    }

    public <K, V> DefaultKafkaConsumerFactory<K, V> customized(DefaultKafkaConsumerFactory<K, V> consumers) {
        consumerCustomizers.orderedStream().forEach(c -> c.customize(consumers));
        return consumers;
    }

    /**
     * A template over the customized factory that opens a producer span and sends traceparent, and
     * does not wait for the cluster id while Kafka is down ({@link NonBlockingClusterIdAdmin}).
     */
    public <K, V> KafkaTemplate<K, V> template(DefaultKafkaProducerFactory<K, V> producers) {
        producerCustomizers.orderedStream().forEach(c -> c.customize(producers));
        KafkaTemplate<K, V> template = new KafkaTemplate<>(producers);
        template.setObservationEnabled(true);
        KafkaAdmin admin = admins.getIfUnique();
        if (admin != null) {
            template.setKafkaAdmin(new NonBlockingClusterIdAdmin(admin));
        }
        return template;
    }

    /** A consumer span per record, child of the producer's span when the record has traceparent. */
    public static void observe(ContainerProperties container) {
        container.setObservationEnabled(true);
    }
}
