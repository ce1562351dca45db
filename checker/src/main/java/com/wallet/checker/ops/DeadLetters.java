package com.wallet.checker.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dead-letter topics ({@code wallet.commands.dlq}, {@code stripe.events.dlq}) as an operator
 * uses them: list, show one, replay one. A replay sends the record's original key and value bytes
 * (and its request id) to the topic it was dead-lettered from, where the processor applies it like
 * any other record: idempotency and the money rules decide, so replaying something already applied
 * is a no-op. Plain kafka-clients, an assigned consumer (no group, nothing committed).
 */
public final class DeadLetters implements AutoCloseable {

    public static final List<String> TOPICS = List.of("wallet.commands.dlq", "stripe.events.dlq");
    static final String REASON = "wallet-dlq-reason";
    static final String EXCEPTION = "wallet-dlq-exception";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String REQUEST_ID = "X-Request-Id";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public DeadLetters(String bootstrap) {
        this.bootstrap = bootstrap;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, // reading never creates a DLQ
                ConsumerConfig.CLIENT_ID_CONFIG, "wallet-dlq"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * One dead-lettered record.
     *
     * @param ref "topic:partition:offset", what {@code show} and {@code replay} take
     */
    public record DeadLetter(String topic, int partition, long offset, Instant time, byte[] key, byte[] value,
                             String reason, String exception, String originalTopic, String originalPartition,
                             String originalOffset, String requestId) {

        public String ref() {
            return topic + ":" + partition + ":" + offset;
        }

        public String keyText() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }

        /** Where a replay sends it: the original topic, else the DLQ's name without ".dlq". */
        public String replayTopic() {
            return originalTopic != null ? originalTopic : topic.substring(0, topic.length() - ".dlq".length());
        }
    }

    /** Every record of both dead-letter topics, oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : TOPICS) {
            all.addAll(read(topic));
        }
        all.sort(Comparator.comparing(DeadLetter::time).thenComparing(DeadLetter::ref));
        return all;
    }

    public Optional<DeadLetter> find(String ref) {
        String[] parts = ref.split(":");
        if (parts.length != 3 || !TOPICS.contains(parts[0])) {
            throw new IllegalArgumentException("not a dead letter reference (TOPIC:PARTITION:OFFSET, TOPIC one of "
                    + TOPICS + "): " + ref);
        }
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(parts[1]);
            offset = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a dead letter reference: " + ref);
        }
        return read(parts[0]).stream().filter(d -> d.partition() == partition && d.offset() == offset).findFirst();
    }

    /** Sends the record's key and value, as they were received, to its original topic; waits for the ack. */
    public RecordMetadata replay(DeadLetter letter) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "wallet-dlq-replay"), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.replayTopic(), letter.key(), letter.value());
            if (letter.requestId() != null) {
                record.headers().add(REQUEST_ID, letter.requestId().getBytes(StandardCharsets.UTF_8));
            }
            return producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + letter.ref(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("replay of " + letter.ref() + " not acknowledged: " + e.getMessage(), e);
        }
    }

    private List<DeadLetter> read(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
        List<TopicPartition> assigned = new ArrayList<>();
        for (PartitionInfo p : partitions == null ? List.<PartitionInfo>of() : partitions) {
            assigned.add(new TopicPartition(topic, p.partition()));
        }
        List<DeadLetter> letters = new ArrayList<>();
        if (assigned.isEmpty()) {
            return letters;
        }
        consumer.assign(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, TIMEOUT);
        consumer.seekToBeginning(assigned);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " not read to its end within " + TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    letters.add(letter(r));
                }
            }
        }
        return letters;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                r.value(), text(h, REASON), text(h, EXCEPTION), text(h, ORIGINAL_TOPIC), number(h, ORIGINAL_PARTITION),
                number(h, ORIGINAL_OFFSET), text(h, REQUEST_ID));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes the original partition (int) and offset (long) as big-endian binary. */
    private static String number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] v = header.value();
        if (v.length == 4) {
            return Integer.toString(java.nio.ByteBuffer.wrap(v).getInt());
        }
        if (v.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(v).getLong());
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
