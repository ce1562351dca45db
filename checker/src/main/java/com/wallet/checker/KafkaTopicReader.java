package com.wallet.checker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, every partition from its beginning up to end offsets taken once, with an
 * assigned consumer (no group: the check commits nothing and disturbs no consumer).
 */
final class KafkaTopicReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private Map<TopicPartition, Long> endOffsets;

    KafkaTopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wallet-check");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Fixes what "the whole topic" means: everything written before this call. */
    void markEnd() {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
            List<TopicPartition> assigned = new ArrayList<>();
            for (PartitionInfo p : partitions == null ? List.<PartitionInfo>of() : partitions) {
                assigned.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(assigned);
            endOffsets = new HashMap<>(consumer.endOffsets(assigned, TIMEOUT));
        } catch (KafkaException e) {
            throw new CheckFailedException("cannot read topic " + topic + ": " + e.getMessage(), e);
        }
    }

    List<TopicEvent> readToEnd() {
        List<TopicEvent> events = new ArrayList<>();
        try {
            consumer.seekToBeginning(endOffsets.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!reachedEnd()) {
                if (System.nanoTime() > deadline) {
                    throw new CheckFailedException("topic " + topic + " not read to its end within 5 minutes", null);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= endOffsets.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    events.add(new TopicEvent(r.key(), r.partition(), r.offset(), parse(r.value())));
                }
            }
        } catch (KafkaException e) {
            throw new CheckFailedException("cannot read topic " + topic + ": " + e.getMessage(), e);
        }
        return events;
    }

    private boolean reachedEnd() {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey(), TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A record that is not an event is kept as an event with no ids: the topic invariant names it. */
    private static PublishedEvent parse(byte[] value) {
        if (value == null) {
            return new PublishedEvent(null, 0, 0, null, null, null, null);
        }
        try {
            return PublishedEvent.parse(new String(value, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return new PublishedEvent(null, 0, 0, null, null, null, null);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
