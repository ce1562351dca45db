package com.wallet.rekey;

import com.wallet.common.messaging.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records on wallet.commands and stripe.events cannot be rewritten, so the old key may only go once
 * none sealed under it is still waiting for the processors: this reads each partition from the
 * processors' committed offset to its end and counts the records whose envelope names another key
 * than the current one. Records already consumed (behind the committed offset) are applied and never
 * read again; dead-lettered ones are reported by the README's procedure, not here.
 */
final class KafkaInFlight {

    static final List<String> TOPICS = List.of(Topics.WALLET_COMMANDS, Topics.STRIPE_EVENTS);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final String group;
    private final JsonMapper json;

    KafkaInFlight(String bootstrap, String group, JsonMapper json) {
        this.bootstrap = bootstrap;
        this.group = group;
        this.json = json;
    }

    /** @return per topic, the unconsumed records not sealed under {@code currentKeyId} */
    Map<String, Long> olderThan(String currentKeyId) throws InterruptedException, ExecutionException, TimeoutException {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Map<String, Long> older = new HashMap<>();
        try (Admin admin = Admin.create(adminProps);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                     new StringDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            for (String topic : TOPICS) {
                older.put(topic, count(consumer, topic, committed, currentKeyId));
            }
        }
        return older;
    }

    private long count(KafkaConsumer<String, String> consumer, String topic,
                       Map<TopicPartition, OffsetAndMetadata> committed, String currentKeyId) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            return 0;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        List<TopicPartition> lagging = new ArrayList<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long start = Math.max(begin.get(partition), offset == null ? 0 : offset.offset());
            if (start < end.get(partition)) {
                lagging.add(partition);
                from.put(partition, start);
            }
        }
        if (lagging.isEmpty()) {
            return 0;
        }
        consumer.assign(lagging);
        from.forEach(consumer::seek);
        long older = 0;
        Instant deadline = Instant.now().plus(READ_LIMIT);
        while (lagging.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(topic + " could not be read to its end within " + READ_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                String keyId = keyId(record.value());
                // Not an envelope at all: the processor dead-letters it whatever the keys, nothing to keep a key for.
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                        && keyId != null && !currentKeyId.equals(keyId)) {
                    older++;
                }
            }
        }
        consumer.unsubscribe();
        return older;
    }

    /** The envelope's clear key id; null for a record that is no envelope (the processor dead-letters it). */
    private String keyId(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(value);
            JsonNode keyId = node == null ? null : node.get("keyId");
            return keyId == null || !keyId.isString() ? null : keyId.asString();
        } catch (JacksonException e) {
            return null;
        }
    }
}
