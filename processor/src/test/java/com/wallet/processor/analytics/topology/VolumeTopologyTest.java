package com.wallet.processor.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class VolumeTopologyTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private TopologyTestDriver driver;
    @TempDir
    java.nio.file.Path stateDir;
    private TestInputTopic<String, String> transactions;
    private TestOutputTopic<String, String> volume;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        VolumeTopology.build(builder, json);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "volume-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        transactions = driver.createInputTopic(Topics.WALLET_TRANSACTIONS, new StringSerializer(), new StringSerializer());
        volume = driver.createOutputTopic(Topics.ANALYTICS_VOLUME, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(UUID transactionId, TransactionType type, TransactionStatus status, long amount, String currency) {
        UUID wallet = UUID.randomUUID();
        TransactionEvent event = new TransactionEvent(TransactionEvent.SCHEMA_VERSION, UUID.randomUUID(), 1, 1, transactionId,
                wallet, null, type, status, amount, currency, null, java.util.List.of(), Instant.parse("2026-01-01T00:00:00Z"));
        transactions.pipeInput(wallet.toString(), json.writeValueAsString(event));
    }

    private VolumeStats latest(String key) {
        Map<String, String> values = volume.readKeyValuesToMap();
        return json.readValue(values.get(key), VolumeStats.class);
    }

    @Test
    void shouldSumCompletedAmountsPerCurrencyAndType() {
        // given two completed transfers in USD, one pending, one completed deposit
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 150, "USD");
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 250, "USD");
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.PENDING, 999, "USD");
        send(UUID.randomUUID(), TransactionType.DEPOSIT, TransactionStatus.COMPLETED, 70, "EUR");

        // then
        Map<String, String> values = volume.readKeyValuesToMap();
        assertThat(json.readValue(values.get("USD:TRANSFER"), VolumeStats.class))
                .isEqualTo(new VolumeStats("USD", "TRANSFER", 2, 400));
        assertThat(json.readValue(values.get("EUR:DEPOSIT"), VolumeStats.class))
                .isEqualTo(new VolumeStats("EUR", "DEPOSIT", 1, 70));
    }

    @Test
    void shouldNotCountARedeliveredEventTwice() {
        UUID tx = UUID.randomUUID();
        send(tx, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 500, "USD");
        send(tx, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 500, "USD");

        assertThat(latest("USD:WITHDRAWAL")).isEqualTo(new VolumeStats("USD", "WITHDRAWAL", 1, 500));
    }

    @Test
    void shouldSkipUnreadableRecords() {
        transactions.pipeInput("k", "not json");
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 5, "USD");

        assertThat(latest("USD:TRANSFER")).isEqualTo(new VolumeStats("USD", "TRANSFER", 1, 5));
    }
}
