package com.wallet.gateway.wallet.adapter.in.kafka;

import com.wallet.common.messaging.Topics;
import com.wallet.gateway.wallet.application.TransactionChanges;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gateway instance reads all of wallet.transactions from its end, without a consumer group:
 * each instance serves its own WebSocket subscribers, so each needs every change, and nothing is
 * committed because a subscriber always starts from the transaction's current state, not from an
 * offset. Only the transaction id is taken from an event.
 */
class KafkaTransactionChanges implements TransactionChanges, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaTransactionChanges.class);

    private static final Properties NO_GROUP = new Properties();

    static {
        NO_GROUP.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        NO_GROUP.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }

    private final ConsumerFactory<String, String> consumers;
    private final JsonMapper json;
    private final Sinks.Many<UUID> sink = Sinks.many().multicast().directBestEffort();
    private volatile Consumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    KafkaTransactionChanges(ConsumerFactory<String, String> consumers, JsonMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    @Override
    public Flux<UUID> changes() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "transaction-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Consumer<String, String> c = consumers.createConsumer(null, "gateway-transaction-changes", null,
                    NO_GROUP)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.WALLET_TRANSACTIONS, Duration.ofSeconds(10))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofSeconds(1))) {
                        publish(record.value());
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Kafka unreachable or the topic missing: subscribers still get the current state, and
                // changes again once the feed is back.
                log.warn("transaction change feed interrupted ({}); reconnecting", e.getClass().getSimpleName());
                pause();
            }
        }
    }

    private void publish(String value) {
        try {
            JsonNode id = json.readTree(value).path("transactionId");
            if (id.isString()) {
                sink.tryEmitNext(UUID.fromString(id.asString()));
            }
        } catch (RuntimeException unreadable) {
            // not an event of ours: nothing to tell subscribers
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
