package com.wallet.processor.analytics.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import com.wallet.common.messaging.TransactionEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** Runs the analytics topology in the processor (application.id wallet-analytics); off with wallet.analytics.enabled=false. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@ConditionalOnProperty(name = "wallet.analytics.enabled", havingValue = "true", matchIfMissing = true)
class AnalyticsConfiguration {

    public static final String APPLICATION_ID = "wallet-analytics";

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration walletAnalyticsStreamsConfig(KafkaProperties kafka,
                                                           @Value("${wallet.analytics.state-dir:}") String stateDir) {
        Map<String, Object> props = new HashMap<>(kafka.buildStreamsProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // Aggregates are emitted on commit: once a second instead of every 30 s.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
        // Analytics may lag a little; the money path on the same cores may not. Fetching wallet.transactions
        // in larger, fewer batches cuts the stream thread's per-poll overhead (README "Benchmark").
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 256 * 1024);
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 250);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory(stateDir).toString());
        return new KafkaStreamsConfiguration(props);
    }

    /**
     * A state directory that survives restarts, so a restarted processor resumes from its stores
     * instead of restoring every aggregate from the changelogs; bin/wallet gives each instance its
     * own (two instances on one host cannot share one). Without one (tests), a new temporary one.
     */
    private static Path stateDirectory(String configured) {
        try {
            if (configured == null || configured.isBlank()) {
                return Files.createTempDirectory("wallet-analytics-");
            }
            return Files.createDirectories(Path.of(configured));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stream thread that dies (e.g. Kafka unreachable for longer than task.timeout.ms) is replaced
     * instead of shutting the client down: analytics resume by themselves after an outage. The topology
     * is idempotent per transaction id, so reprocessing from the last commit counts nothing twice.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(
                e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Bean
    KStream<String, TransactionEvent> analyticsTopology(StreamsBuilder streamsBuilder, JsonMapper json) {
        return AnalyticsTopology.build(streamsBuilder, json);
    }

}
