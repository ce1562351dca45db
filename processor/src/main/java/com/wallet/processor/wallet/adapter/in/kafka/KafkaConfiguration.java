package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.processor.wallet.application.FailDeadLetteredCommandService;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import com.wallet.processor.wallet.application.stripe.ApplyStripeEventService;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.DeclaredTopics;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.Topics;
import com.wallet.processor.observability.KafkaClients;
import com.wallet.processor.wallet.application.stripe.ApplyStripeEventService;
import com.wallet.processor.wallet.application.FailDeadLetteredCommandService;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumers of wallet.commands and stripe.events (group wallet-processor, no auto-commit, offset
 * committed per record after the listener returned, i.e. after the database commit) and the one
 * error handler: poison records (undecryptable, unparsable, misrouted, stripe.events records that do
 * not open) go straight to a dead-letter topic with a short reason in headers and never block the partition, and a dead-lettered
 * command's transaction then ends FAILED / PROCESSING_ERROR ({@link FailingDeadLetterRecoverer});
 * anything else (database or Redis down) is retried in place with an exponential back-off, without
 * limit, so no command is lost.
 *
 * <p>Records are handled one at a time today. Applying several records of one partition in one
 * database transaction later means a batch listener calling a batch use case; the error handler
 * and the per-record idempotency already fit that.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(KafkaListenerProperties.class)
public class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /** The processor's one consumer group (wallet.commands and stripe.events). */
    public static final String GROUP = "wallet-processor";
    static final String COMMANDS_FACTORY = "walletCommandsContainerFactory";
    static final String STRIPE_EVENTS_FACTORY = "stripeEventsContainerFactory";
    public static final String STRIPE_EVENTS_DLQ = Topics.STRIPE_EVENTS_DLQ;
    /** Headers on dead-lettered records, besides spring-kafka's kafka_dlt-* ones. */
    public static final String REASON_HEADER = "wallet-dlq-reason";
    public static final String EXCEPTION_HEADER = "wallet-dlq-exception";

    /** Boot's Kafka metrics and tracing on the factories this class builds itself. */
    @Bean
    KafkaClients kafkaClients(ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> consumerCustomizers,
                              ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerCustomizers,
                              ObjectProvider<KafkaAdmin> admins) {
        return new KafkaClients(consumerCustomizers, producerCustomizers, admins);
    }

    @Bean
    WalletCommandListener walletCommandListener(ProcessCommandBatchService commands,
                                                ObjectProvider<ObservationRegistry> observations) {
        return new WalletCommandListener(commands, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    ConsumerStopLog consumerStopLog() {
        return new ConsumerStopLog();
    }

    /** Opens stripe.events records with the "stripe.events" key (HKDF) of whichever ring key sealed them. */
    @Bean
    StripeEventCodec stripeEventCodec(KeyRing ring) {
        return StripeEventCodec.forKeyRing(ring);
    }

    @Bean
    StripeEventListener stripeEventListener(StripeEventCodec codec, MeterRegistry meters,
                                            ApplyStripeEventService stripeEvents) {
        return new StripeEventListener(new StripeEventOpener(codec, meters), stripeEvents);
    }

    @Bean(COMMANDS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CommandEnvelope> walletCommandsContainerFactory(
            KafkaProperties kafka, JsonMapper json, DefaultErrorHandler errorHandler, KafkaListenerProperties listener,
            KafkaClients clients) {
        Map<String, Object> props = consumerProperties(kafka);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, listener.commandBatchSize());
        var factory = factory(props, new JacksonJsonDeserializer<>(CommandEnvelope.class, json, false),
                errorHandler, listener, clients);
        // A poll at a time: runs of transfers apply in one database transaction, and the offsets of
        // the poll are committed after the listener returned (BatchListenerFailedException names a
        // failed record: the ones before it are committed, the rest polled again).
        factory.setBatchListener(true);
        // MANUAL: the listener acknowledges the poll, or only its first records when it stops early
        // (its time budget ran out): the others are polled again at once, before max.poll.interval runs out.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }

    /** Values stay bytes: {@link StripeEventListener} opens them (and a dead-lettered one goes out as received). */
    @Bean(STRIPE_EVENTS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> stripeEventsContainerFactory(
            KafkaProperties kafka, DefaultErrorHandler errorHandler, KafkaListenerProperties listener,
            KafkaClients clients) {
        var factory = factory(consumerProperties(kafka), new ByteArrayDeserializer(), errorHandler, listener, clients);
        factory.setRecordInterceptor(new RequestIdRecordInterceptor<>());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(
            Map<String, Object> props, Deserializer<V> value, DefaultErrorHandler errorHandler,
            KafkaListenerProperties listener, KafkaClients clients) {
        var consumers = clients.customized(new DefaultKafkaConsumerFactory<String, V>(props,
                new ErrorHandlingDeserializer<>(new StringDeserializer()), new ErrorHandlingDeserializer<>(value)));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(listener.concurrency());
        factory.setCommonErrorHandler(errorHandler);
        KafkaClients.observe(factory.getContainerProperties());
        // Graceful shutdown: finish the record (or batch) in flight, commit its offsets, leave the group;
        // the rest of the poll stays uncommitted and goes to the next owner (nothing applied twice).
        factory.getContainerProperties().setStopImmediate(true);
        factory.getContainerProperties().setShutdownTimeout(listener.shutdownTimeout().toMillis());
        return factory;
    }

    private static Map<String, Object> consumerProperties(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Stripe calls run on StripeCalls' pool, except when it is full and the listener makes them
        // itself (bounded retries, 20 s read timeout): a longer poll interval keeps that from causing rebalances.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        return props;
    }

    @Bean
    DefaultErrorHandler walletErrorHandler(KafkaProperties kafka, JsonMapper json, KafkaListenerProperties listener,
                                           FailDeadLetteredCommandService failDeadLettered, KafkaClients clients) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<String, byte[]> raw = clients.template(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()));
        KafkaTemplate<String, Object> asJson = clients.template(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                        new JacksonJsonSerializer<Object>(json).noTypeInfo()));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);   // records that could not be deserialized: the original bytes
        templates.put(Object.class, asJson); // records that were read but cannot be applied
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                KafkaConfiguration::deadLetterTopic);
        recoverer.addHeadersFunction(KafkaConfiguration::reasonHeaders);
        // Exception messages and stack traces can carry SQL and constraint Detail text (column values):
        // the DLQ keeps the exception's class names and our short reason only.
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        var deadLetterThenFail = new FailingDeadLetterRecoverer(recoverer, failDeadLettered, json,
                listener.retryInitial());

        ExponentialBackOff backOff = new ExponentialBackOff(listener.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(listener.retryMax().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterThenFail, backOff);
        // A constraint violation will not go away by retrying: dead-letter it rather than block the partition.
        handler.addNotRetryableExceptions(CommandCodec.UnreadableCommandException.class, PoisonCommandException.class,
                StripeEventCodec.RefusedStripeEventException.class, DecryptionException.class,
                IllegalArgumentException.class, DataIntegrityViolationException.class);
        // A Stripe event that matches no transaction yet: retry for about half a minute, then dead-letter.
        handler.setBackOffFunction((record, e) -> rootCauseOfType(e, UnmatchedStripeEventException.class)
                ? new FixedBackOff(listener.unmatchedEventRetryInterval().toMillis(), listener.unmatchedEventRetries())
                : null);
        handler.setRetryListeners((record, e, attempt) -> {
            if (attempt == 1 || attempt % 20 == 0) {
                log.warn("{}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
                        record.offset(), attempt, rootCause(e).getClass().getName());
            }
        });
        handler.setCommitRecovered(true);
        // The retry listener above and the recoverer log each failure once, briefly; the container's
        // "Seek to current after exception" with a stack trace per poll would only repeat them.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    private static TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception e) {
        String topic = Topics.WALLET_COMMANDS.equals(record.topic()) ? Topics.WALLET_COMMANDS_DLQ
                : record.topic() + ".dlq";
        return new TopicPartition(topic, -1); // -1: the producer partitions by the original key
    }

    private static boolean rootCauseOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        return DeadLetterReason.rootCause(e);
    }

    private static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception e) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, DeadLetterReason.of(e).getBytes(StandardCharsets.UTF_8));
        headers.add(EXCEPTION_HEADER, rootCause(e).getClass().getName().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** Every topic of wallet/kafka.properties, created when missing (the same file bin/wallet and compose read). */
    @Bean
    KafkaAdmin.NewTopics declaredTopics() {
        DeclaredTopics declared = DeclaredTopics.load();
        return new KafkaAdmin.NewTopics(declared.topics().stream()
                .map(t -> TopicBuilder.name(t.name()).partitions(t.partitions()).replicas(declared.replication()).build())
                .toArray(NewTopic[]::new));
    }
}
