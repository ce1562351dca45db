package com.wallet.processor.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class AnalyticsTopologyTest {

    private static final Instant NINE = Instant.parse("2026-12-03T09:00:10Z");
    private static final String DAY = "2026-12-03T00:00:00Z";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, String>> latest = new HashMap<>();
    private TopologyTestDriver driver;
    private Topology topology;
    @TempDir
    Path stateDir;
    private TestInputTopic<String, String> transactions;
    private Map<String, TestOutputTopic<String, String>> outputs;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.build(builder, json);
        topology = builder.build();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props);
        transactions = driver.createInputTopic(Topics.WALLET_TRANSACTIONS, new StringSerializer(), new StringSerializer());
        outputs = new HashMap<>();
        for (String topic : List.of(Topics.ANALYTICS_VOLUME, Topics.ANALYTICS_ACTIVITY_MINUTE, Topics.ANALYTICS_ACTIVITY_DAY,
                Topics.ANALYTICS_WALLET_ACTIVITY_DAY)) {
            outputs.put(topic, driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer()));
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(UUID wallet, UUID transactionId, TransactionType type, TransactionStatus status, long amount,
                      long walletSequence, Instant at) {
        TransactionEvent event = new TransactionEvent(TransactionEvent.SCHEMA_VERSION, UUID.randomUUID(), walletSequence,
                walletSequence, transactionId, wallet, null, type, status, amount, "USD", null, List.of(), at);
        transactions.pipeInput(wallet.toString(), json.writeValueAsString(event));
    }

    private void send(UUID transactionId, TransactionType type, TransactionStatus status, long amount) {
        send(UUID.randomUUID(), transactionId, type, status, amount, 1, NINE);
    }

    /**
     * The last value of every key each topic has carried so far, once the global contributions
     * summed since the last punctuation have been forwarded.
     */
    private Map<String, String> on(String topic) {
        driver.advanceWallClockTime(TransactionAnalytics.FORWARD_INTERVAL);
        Map<String, String> values = latest.computeIfAbsent(topic, t -> new HashMap<>());
        values.putAll(outputs.get(topic).readKeyValuesToMap());
        return values;
    }

    private VolumeStats volume(String key) {
        return json.readValue(on(Topics.ANALYTICS_VOLUME).get(key), VolumeStats.class);
    }

    private long count(String topic, String key) {
        String value = on(topic).get(key);
        return value == null ? 0 : json.readValue(value, ActivityStats.class).count();
    }

    @Test
    void shouldSumCompletedAmountsPerCurrencyAndType() {
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 150);
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 250);
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.PENDING, 999);
        send(UUID.randomUUID(), TransactionType.DEPOSIT, TransactionStatus.COMPLETED, 70);

        assertThat(volume("USD:TRANSFER")).isEqualTo(new VolumeStats("USD", "TRANSFER", 2, 400));
        assertThat(volume("USD:DEPOSIT")).isEqualTo(new VolumeStats("USD", "DEPOSIT", 1, 70));
    }

    @Test
    void shouldNotCountARedeliveredEventTwice() {
        UUID wallet = UUID.randomUUID();
        UUID tx = UUID.randomUUID();
        send(wallet, tx, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 500, 2, NINE);
        send(wallet, tx, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 500, 2, NINE);

        assertThat(volume("USD:WITHDRAWAL")).isEqualTo(new VolumeStats("USD", "WITHDRAWAL", 1, 500));
        assertThat(count(Topics.ANALYTICS_ACTIVITY_DAY, "DAY|" + DAY + "|USD|WITHDRAWAL|COMPLETED")).isEqualTo(1);
    }

    @Test
    void aReversalMovesTheTransactionFromCompletedToReversedInTheWindowItWasCreatedIn() {
        UUID wallet = UUID.randomUUID();
        UUID tx = UUID.randomUUID();
        send(wallet, tx, TransactionType.WITHDRAWAL, TransactionStatus.PENDING, 800, 1, NINE);
        send(wallet, tx, TransactionType.WITHDRAWAL, TransactionStatus.COMPLETED, 800, 2, NINE.plusSeconds(5));
        assertThat(volume("USD:WITHDRAWAL").count()).isEqualTo(1);

        // Reversed the next day: it leaves COMPLETED of its own minute and day, and enters REVERSED there.
        send(wallet, tx, TransactionType.WITHDRAWAL, TransactionStatus.REVERSED, 800, 3, NINE.plusSeconds(86_400));

        assertThat(volume("USD:WITHDRAWAL")).isEqualTo(new VolumeStats("USD", "WITHDRAWAL", 0, 0));
        String minute = "MINUTE|2026-12-03T09:00:00Z|USD|WITHDRAWAL|";
        assertThat(count(Topics.ANALYTICS_ACTIVITY_MINUTE, minute + "PENDING")).isZero();
        assertThat(count(Topics.ANALYTICS_ACTIVITY_MINUTE, minute + "COMPLETED")).isZero();
        assertThat(count(Topics.ANALYTICS_ACTIVITY_MINUTE, minute + "REVERSED")).isEqualTo(1);
        assertThat(count(Topics.ANALYTICS_ACTIVITY_DAY, "DAY|" + DAY + "|USD|WITHDRAWAL|REVERSED")).isEqualTo(1);
        assertThat(on(Topics.ANALYTICS_ACTIVITY_DAY)).doesNotContainKey("DAY|2026-12-04T00:00:00Z|USD|WITHDRAWAL|REVERSED");
        assertThat(count(Topics.ANALYTICS_WALLET_ACTIVITY_DAY, wallet + "|DAY|" + DAY + "|USD|WITHDRAWAL|REVERSED"))
                .isEqualTo(1);
    }

    @Test
    void anOlderEventRedeliveredAfterANewerOneDoesNotTurnTheStatusBack() {
        UUID wallet = UUID.randomUUID();
        UUID tx = UUID.randomUUID();
        send(wallet, tx, TransactionType.TRANSFER, TransactionStatus.PENDING, 300, 1, NINE);
        send(wallet, tx, TransactionType.TRANSFER, TransactionStatus.COMPLETED, 300, 2, NINE);
        send(wallet, tx, TransactionType.TRANSFER, TransactionStatus.PENDING, 300, 1, NINE);

        assertThat(count(Topics.ANALYTICS_ACTIVITY_DAY, "DAY|" + DAY + "|USD|TRANSFER|COMPLETED")).isEqualTo(1);
        assertThat(count(Topics.ANALYTICS_ACTIVITY_DAY, "DAY|" + DAY + "|USD|TRANSFER|PENDING")).isZero();
    }

    @Test
    void eachMinuteAndEachWalletHasItsOwnAggregate() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        send(alice, UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 100, 1, NINE);
        send(alice, UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 200, 2, NINE.plusSeconds(60));
        send(bob, UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 400, 1, NINE.plusSeconds(60));

        assertThat(count(Topics.ANALYTICS_ACTIVITY_MINUTE, "MINUTE|2026-12-03T09:00:00Z|USD|TRANSFER|COMPLETED")).isEqualTo(1);
        assertThat(count(Topics.ANALYTICS_ACTIVITY_MINUTE, "MINUTE|2026-12-03T09:01:00Z|USD|TRANSFER|COMPLETED")).isEqualTo(2);
        ActivityStats day = json.readValue(on(Topics.ANALYTICS_ACTIVITY_DAY).get("DAY|" + DAY + "|USD|TRANSFER|COMPLETED"),
                ActivityStats.class);
        assertThat(day).isEqualTo(new ActivityStats(Window.DAY, Instant.parse(DAY), null, "USD", "TRANSFER", "COMPLETED", 3, 700));
        assertThat(count(Topics.ANALYTICS_WALLET_ACTIVITY_DAY, alice + "|DAY|" + DAY + "|USD|TRANSFER|COMPLETED")).isEqualTo(2);
        assertThat(count(Topics.ANALYTICS_WALLET_ACTIVITY_DAY, bob + "|DAY|" + DAY + "|USD|TRANSFER|COMPLETED")).isEqualTo(1);
    }

    @Test
    void shouldSkipUnreadableRecords() {
        transactions.pipeInput("k", "not json");
        send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 5);

        assertThat(volume("USD:TRANSFER")).isEqualTo(new VolumeStats("USD", "TRANSFER", 1, 5));
    }

    @Test
    void aTransactionsStateNeedsNoRepartitionAndTheGlobalAggregatesGetOneRecordPerKeyAndSecond() {
        Set<String> repartitions = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
                    repartitions.add(sink.topic());
                }
            }
        }
        assertThat(repartitions).containsExactly("activity-day-contributions-repartition",
                "activity-minute-contributions-repartition", "volume-contributions-repartition");

        TestOutputTopic<String, byte[]> contributions = driver.createOutputTopic(
                "analytics-test-volume-contributions-repartition", new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        for (int i = 0; i < 100; i++) {
            send(UUID.randomUUID(), TransactionType.TRANSFER, TransactionStatus.COMPLETED, 10);
        }
        assertThat(volume("USD:TRANSFER")).isEqualTo(new VolumeStats("USD", "TRANSFER", 100, 1000));
        assertThat(contributions.readRecordsToList()).hasSize(1);
    }

    @Test
    void theStoresKeepTheNamesOfTheEarlierTopologySoAnUpgradeRestoresThemFromTheirChangelogs() {
        Set<String> stores = new TreeSet<>();
        topology.describe().subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        }));
        assertThat(stores).contains("transaction-states", "volume-by-currency-and-type", "activity-minute",
                "activity-day", "wallet-activity-day");
    }
}
