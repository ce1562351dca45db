package com.wallet.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The demo's view of wallet.transactions: the committed events of some wallets, one line each, in
 * order per wallet (delivery is at least once: one line per eventId).
 */
final class TransactionEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TransactionEvents() {
    }

    /** Every committed record of the topic, read from the beginning to the end offsets of this call. */
    static List<String> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wallet-demo");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, TIMEOUT)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), TIMEOUT) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new LauncherException(topic + " was not read to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        values.add(r.value());
                    }
                }
            }
        }
        return values;
    }

    /**
     * One line per event of the named wallets (NAMES: wallet id to a short name): wallet, walletSequence,
     * type, status, amount, currency and postings (signed, named), sorted by wallet name then sequence.
     */
    static List<String> lines(List<String> values, Map<String, String> names) {
        Map<String, JsonNode> byEventId = new LinkedHashMap<>();
        for (String value : values) {
            JsonNode e;
            try {
                e = GraphQlClient.JSON.readTree(value);
            } catch (JacksonException ex) {
                continue;
            }
            if (e.isObject() && names.containsKey(GraphQlClient.text(e, "walletId"))) {
                byEventId.put(GraphQlClient.text(e, "eventId"), e);
            }
        }
        return byEventId.values().stream()
                .sorted(Comparator.comparing((JsonNode e) -> names.get(GraphQlClient.text(e, "walletId")))
                        .thenComparingLong(e -> e.path("walletSequence").asLong(0)))
                .map(e -> String.format("    %-6s #%-3s %-10s %-10s %8s %-3s  postings: %s",
                        names.get(GraphQlClient.text(e, "walletId")), GraphQlClient.text(e, "walletSequence"),
                        GraphQlClient.text(e, "type"), GraphQlClient.text(e, "status"), GraphQlClient.text(e, "amount"),
                        GraphQlClient.text(e, "currency"), postings(e, names)))
                .toList();
    }

    private static String postings(JsonNode event, Map<String, String> names) {
        List<String> postings = new ArrayList<>();
        for (JsonNode p : event.path("postings")) {
            String wallet = GraphQlClient.text(p, "walletId");
            long amount = p.path("amount").asLong();
            String name = names.getOrDefault(wallet, wallet.substring(0, Math.min(8, wallet.length())));
            postings.add(name + " " + (amount >= 0 ? "+" : "") + amount);
        }
        return postings.isEmpty() ? "-" : String.join(" ", postings);
    }
}
