package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.observability.RequestId;
import com.wallet.testsupport.CapturedSpans;
import com.wallet.testsupport.LocalServices;
import com.wallet.testsupport.Prometheus;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contract section 11 on the processor: after real commands, /actuator/prometheus has the applied
 * counter, the apply latency histogram, lock waits, Stripe calls, the outbox backlog and relay, and
 * Kafka's consumer lag; and a command that arrives with a W3C traceparent is handled in that trace
 * (the consumer span is the producer's child, the SQL statements are in it).
 */
class ObservabilityIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    CapturedSpans spans;

    @Test
    void shouldExposeTheProcessorsMetricsAfterApplyingCommands() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(1_000);
        UUID to = wallets.aWalletWith(0);
        TransferFunds transfer = wallets.pendingTransfer(from, to, 100);
        DepositFunds deposit = wallets.pendingDeposit(to, 500, "pm_card_visa", cipher);
        Prometheus before = Prometheus.scrape(port);

        send(transfer);
        send(deposit);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId()))
                && "PROCESSING".equals(wallets.status(deposit.transactionId())));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Prometheus after = Prometheus.scrape(port);
            assertThat(increase(before, after, "wallet_commands_processed_total", "type", "TRANSFER",
                    "outcome", "COMPLETED")).isEqualTo(1);
            assertThat(increase(before, after, "wallet_command_processing_seconds_count", "type", "TRANSFER"))
                    .isEqualTo(1);
            assertThat(after.hasMetricContaining("wallet_command_processing_seconds_bucket")).as("histogram").isTrue();
            assertThat(increase(before, after, "wallet_lock_wait_seconds_count", "outcome", "acquired"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(after.series()).containsKey("wallet_lock_failures_total");
            assertThat(increase(before, after, "wallet_stripe_requests_seconds_count",
                    "endpoint", "payment_intents.create", "outcome", "ok")).isGreaterThanOrEqualTo(1);
            assertThat(increase(before, after, "wallet_outbox_relay_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(after.series().get("wallet_outbox_backlog")).as("counted, not NaN").isNotNaN();
            assertThat(after.series()).containsKey("wallet_outbox_oldest_age_seconds");
            // Kafka's own consumer metrics, bound through Boot's factory customizers
            assertThat(after.hasMetricContaining("kafka_consumer_fetch_manager_records_lag")).isTrue();
            assertThat(after.hasMetricContaining("kafka_producer_record_send")).as("producer metrics").isTrue();
        });
    }

    @Test
    void shouldHandleACommandInsideTheTraceItArrivedWith() throws Exception {
        WalletFixture wallets = fixture();
        TransferFunds transfer = wallets.pendingTransfer(wallets.aWalletWith(300), wallets.aWalletWith(0), 100);
        String traceId = hex(16);
        String parentSpanId = hex(8);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap(TOPICS)),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.WALLET_COMMANDS,
                    transfer.walletId().toString(), json.writeValueAsString(codec.seal(transfer)));
            record.headers().add("traceparent", ("00-" + traceId + "-" + parentSpanId + "-01")
                    .getBytes(StandardCharsets.UTF_8));
            record.headers().add(RequestId.HEADER, RequestId.bytes("req-trace-" + transfer.transactionId()));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(traceId);
            assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.CONSUMER)
                    .as("the listener's span continues the producer's").singleElement()
                    .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(parentSpanId));
            assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("query"))
                    .as("SQL statements in the same trace").isNotEmpty();
        });
    }

    @Test
    void shouldKeepADepositsStripeCallOnItsOwnThreadInTheTraceTheCommandArrivedWith() throws Exception {
        WalletFixture wallets = fixture();
        DepositFunds deposit = wallets.pendingDeposit(wallets.aWalletWith(0), 700, "pm_card_visa", cipher);
        String traceId = hex(16);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap(TOPICS)),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.WALLET_COMMANDS,
                    deposit.walletId().toString(), json.writeValueAsString(codec.seal(deposit)));
            record.headers().add("traceparent", ("00-" + traceId + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        await().atMost(PATIENCE).until(() -> fixture().row(deposit.transactionId()).get("stripe_payment_intent_id") != null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(spans.ofTrace(traceId))
                .as("the statement recording the PaymentIntent, run on a stripe-calls thread, in the command's trace")
                .anySatisfy(s -> assertThat(s.getAttributes().asMap().values())
                        .anySatisfy(v -> assertThat(String.valueOf(v)).contains("SET stripe_payment_intent_id"))));
    }

    private static double increase(Prometheus before, Prometheus after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
