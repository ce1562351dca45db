package com.wallet.processor;

import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.testsupport.CapturedSpans;
import com.wallet.testsupport.LocalServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the processor's integration tests: the whole application against real PostgreSQL
 * (database wallet_processor_test), Redis and Kafka chosen by {@link LocalServices}; commands are
 * produced straight to wallet.commands and Stripe events, sealed, to stripe.events
 * ({@link #sendStripeEvent}), outcomes read from rows and from wallet.transactions.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CapturedSpans.Config.class) // on the base, so every IT shares one context (one consumer group member)
public abstract class ProcessorIntegrationTest {

    /** The Stripe key of the ITs and of the emulator they start: not a local-mode default (refused outside local mode). */
    public static final String STRIPE_TEST_KEY = "sk_test_processor_it";
    public static final String DATABASE = "wallet_processor_test";
    /** How long Stripe must keep saying a recorded PaymentIntent or Transfer does not exist (10 min in production). */
    static final Duration MISSING_OBJECT_TIMEOUT = Duration.ofSeconds(30);
    static final String[] TOPICS = {Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ, Topics.STRIPE_EVENTS,
            Topics.WALLET_TRANSACTIONS};

    /** Seals stripe.events records as webhook-ingest does, with the master key the processor is given. */
    protected static final StripeEventCodec STRIPE_EVENT_CODEC =
            StripeEventCodec.forMasterKeys(EncryptionKey.parse("k1", LocalServices.ENCRYPTION_KEY));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KafkaProducer<String, String> producer;

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected CommandCodec codec;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected com.wallet.common.crypto.FieldCipher cipher;

    /**
     * The schema owner's connection, for what the processor's own role (wallet_app, {@link #jdbc})
     * may not do: DDL such as a test's fault trigger.
     */
    protected static JdbcClient owner() {
        return JdbcClient.create(new DriverManagerDataSource(LocalServices.jdbcUrl(DATABASE), LocalServices.username(),
                LocalServices.password()));
    }

    protected WalletFixture fixture() {
        return new WalletFixture(jdbc);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalServices.register(registry, DATABASE, TOPICS);
        properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** Everything but the datasource / Redis / Kafka that LocalServices registers. */
    static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        props.put("wallet.encryption.key", LocalServices.ENCRYPTION_KEY);
        props.put("wallet.analytics.enabled", "false");
        // not the local default: these suites run outside local mode, where sk_test_local is refused at start-up
        props.put("wallet.stripe.secret-key", STRIPE_TEST_KEY);
        props.put("wallet.stripe.api-base", StripeStub.get().url());
        // as in local mode: wallets without stripeAccountId pay out to the local default account
        props.put("wallet.stripe.default-destination", "acct_local_payouts");
        props.put("wallet.stripe.max-network-retries", "1");
        props.put("wallet.processor.retry-initial", "100ms");
        props.put("wallet.processor.retry-max", "1s");
        props.put("wallet.processor.unmatched-event-retry-interval", "200ms");
        props.put("wallet.processor.unmatched-event-retries", "5");
        // the deposit reconciler, fast enough for tests (the defaults are minutes)
        props.put("wallet.reconciler.reconcile-interval", "300ms");
        props.put("wallet.reconciler.reconcile-after", "2s");
        props.put("wallet.reconciler.requires-action-timeout", "8s");
        props.put("wallet.reconciler.ambiguous-give-up-after", "2m");
        props.put("wallet.reconciler.missing-object-timeout", MISSING_OBJECT_TIMEOUT.toSeconds() + "s");
        // the retention purge runs when a test calls it (RetentionIT), never on its own schedule
        props.put("wallet.retention.initial-delay", "1d");
        // PostgreSQL here is shared by several suites (max_connections 100): stay small.
        props.put("spring.datasource.hikari.maximum-pool-size", "8");
        props.put("spring.datasource.hikari.minimum-idle", "1");
        return props;
    }

    /** The same properties as a map, for starting a second application context by hand. */
    static Map<String, Object> allProperties() {
        Map<String, Object> props = new HashMap<>(properties());
        props.put("spring.datasource.url", LocalServices.jdbcUrl(DATABASE));
        props.put("spring.datasource.username", LocalServices.appUsername());
        props.put("spring.datasource.password", LocalServices.appPassword());
        // as LocalServices.register: the owner migrates (a context on a fresh database builds its schema)
        props.put("spring.flyway.enabled", "true");
        props.put("spring.flyway.user", LocalServices.username());
        props.put("spring.flyway.password", LocalServices.password());
        props.put("wallet.redis.urls", LocalServices.redisUrl());
        props.put("spring.kafka.bootstrap-servers", LocalServices.kafkaBootstrap(TOPICS));
        props.put("server.port", "0");
        return props;
    }

    @BeforeAll
    static void startProducer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap(TOPICS),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
    }

    @AfterAll
    static void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    /** Sends a command as the gateway does: sealed envelope, keyed by the source wallet. */
    protected void send(WalletCommand command) {
        CommandEnvelope envelope = codec.seal(command);
        sendRaw(Topics.WALLET_COMMANDS, envelope.walletId(), json.writeValueAsString(envelope));
    }

    /** Sends a Stripe event as webhook-ingest does: sealed, keyed by the wallet id, else the object id. */
    protected static void sendStripeEvent(StripeEventMessage event) {
        sendRaw(Topics.STRIPE_EVENTS, event.walletId() != null ? event.walletId() : event.objectId(),
                sealed(event));
    }

    /** The stripe.events record value webhook-ingest would publish for this event. */
    protected static String sealed(StripeEventMessage event) {
        return JSON.writeValueAsString(STRIPE_EVENT_CODEC.seal(event));
    }

    protected static void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("test send failed", e);
        }
    }

    /** All records of a topic so far (from the beginning). */
    protected static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap(TOPICS),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The TransactionEvents on wallet.transactions for these transactions, in topic order per partition. */
    protected List<ConsumerRecord<String, TransactionEvent>> eventsOf(Set<UUID> transactionIds) {
        List<ConsumerRecord<String, TransactionEvent>> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.WALLET_TRANSACTIONS)) {
            TransactionEvent event = json.readValue(r.value(), TransactionEvent.class);
            if (transactionIds.contains(event.transactionId())) {
                events.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), event));
            }
        }
        return events;
    }
}
