package com.wallet.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.wallet.common.messaging.Topics;

/**
 * Reads wallet.transactions from its end (every partition, no consumer group) and records, for each
 * transaction, when its final event (COMPLETED, FAILED or REVERSED) was seen.
 */
final class EventWatcher implements AutoCloseable {

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REVERSED");

    /** A final event: when it was seen (System.nanoTime) and its status. */
    record Final(long seenNanos, String status) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, Final> finals = new ConcurrentHashMap<>();
    private volatile Consumer<UUID> listener = id -> { };
    private final Thread thread;
    private volatile boolean running = true;

    EventWatcher(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wallet-bench-watcher");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.WALLET_TRANSACTIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);   // resolve the end offsets now, before anything is produced
        thread = new Thread(this::loop, "bench-event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called (on the watcher thread) with each transaction id the first time its final event is seen. */
    void onFinal(Consumer<UUID> listener) {
        this.listener = listener;
    }

    Final finalOf(UUID transactionId) {
        return finals.get(transactionId);
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    JsonNode event;
                    try {
                        event = json.readTree(record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    String status = event.path("status").asString("");
                    String id = event.path("transactionId").asString("");
                    if (!FINAL.contains(status) || id.isEmpty()) {
                        continue;
                    }
                    UUID txId = UUID.fromString(id);
                    if (finals.putIfAbsent(txId, new Final(now, status)) == null) {
                        listener.accept(txId);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
