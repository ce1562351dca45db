package com.wallet.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventEnvelope;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.CapturedSpans;
import com.wallet.testsupport.LocalServices;
import com.wallet.testsupport.Prometheus;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Signed webhooks in, sealed stripe.events records out, against a real broker and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wallet.stripe.webhook-secret=" + WebhookIngestIT.ROLLED_OUT_SECRET + ", " + WebhookIngestIT.SECRET,
                "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY,
                "wallet.encryption.previous-keys=" + WebhookIngestIT.PREVIOUS_KEY})
@Import(CapturedSpans.Config.class)
class WebhookIngestIT {

    static final String SECRET = "whsec_test_ingest";
    /** The endpoint's older secret, still configured while Stripe rolls it (STRIPE_WEBHOOK_SECRET=old,new). */
    static final String ROLLED_OUT_SECRET = "whsec_test_rolled_out";
    /** An older master key in ENCRYPTION_PREVIOUS_KEYS: records are still sealed under the current one. */
    static final String PREVIOUS_KEY = "fedcba9876543210fedcba9876543210";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the processor opens records with: the same master key. */
    private static final StripeEventCodec CODEC =
            StripeEventCodec.forMasterKeys(EncryptionKey.parse("k1", LocalServices.ENCRYPTION_KEY));

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    CapturedSpans spans;

    RestClient http;
    KafkaConsumer<String, String> consumer;
    List<TopicPartition> partitions;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> LocalServices.kafkaBootstrap(Topics.STRIPE_EVENTS));
        registry.add("wallet.redis.urls", LocalServices::redisUrl);
    }

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        partitions = consumer.partitionsFor(Topics.STRIPE_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void shouldPublishAVerifiedEventOnceKeyedByWalletId() throws Exception {
        String eventId = newEventId();
        String payload = paymentIntentSucceeded(eventId, "{\"wallet_id\":\"w-7\",\"transaction_id\":\"tx-7\"}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = awaitRecords(1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("w-7");
            // the delivery's request id and the W3C trace context are the only headers
            assertThat(record.headers().toArray()).extracting(org.apache.kafka.common.header.Header::key)
                    .containsExactlyInAnyOrder("X-Request-Id", "traceparent");
            assertThat(CODEC.open(record.value().getBytes(StandardCharsets.UTF_8))).isEqualTo(new StripeEventMessage(
                    eventId, "payment_intent.succeeded", "pi_7", "pi_7", "w-7", "tx-7", 2500, "usd", null, 1700000000L, "succeeded"));
            // sealed: only the event id and the key id in clear
            StripeEventEnvelope envelope = JSON.readValue(record.value(), StripeEventEnvelope.class);
            assertThat(envelope.eventId()).isEqualTo(eventId);
            assertThat(envelope.keyId()).isEqualTo(EncryptionKey.master(LocalServices.ENCRYPTION_KEY).id());
            assertThat(record.value()).doesNotContain("payment_intent").doesNotContain("pi_7")
                    .doesNotContain("tx-7").doesNotContain("2500");
            // sealed with the stripe.events key, not the master key nor another one
            assertThatThrownBy(() -> StripeEventCodec.forMasterKeys(
                    EncryptionKey.parse("k1", "fedcba9876543210fedcba9876543210")).open(envelope))
                    .isInstanceOf(StripeEventCodec.RefusedStripeEventException.class);
            assertThatThrownBy(() -> new FieldCipher(EncryptionKey.master(LocalServices.ENCRYPTION_KEY))
                    .openString(envelope.sealed(), Topics.STRIPE_EVENTS + ":" + eventId))
                    .isInstanceOf(DecryptionException.class);
        });
    }

    @Test
    void shouldCarryTheRequestIdOfTheObjectsMetadataToTheRecord() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        String payload = paymentIntentSucceeded(newEventId(),
                "{\"wallet_id\":\"w-9\",\"request_id\":\"" + requestId + "\"}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(200);

        // the request that made the PaymentIntent, not this delivery's own id
        assertThat(awaitRecords(1)).singleElement().satisfies(record -> assertThat(
                new String(record.headers().lastHeader("X-Request-Id").value(), StandardCharsets.UTF_8))
                .isEqualTo(requestId));
    }

    @Test
    void shouldKeyByObjectIdWithoutWalletMetadata() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(200);

        assertThat(awaitRecords(1)).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("pi_7"));
    }

    @Test
    void shouldPublishTheSameEventOnlyOnce() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-8\"}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(200);
        assertThat(post(payload, sign(payload, Instant.now().plusSeconds(1))).getStatusCode().value()).isEqualTo(200);

        awaitRecords(1);
        assertThat(endOffsetSum()).isEqualTo(startOffsetSum + 1);
    }

    @Test
    void shouldCountWebhooksVerifiedDeDuplicatedAndRefusedByReason() throws Exception {
        Prometheus before = Prometheus.scrape(port);
        String payload = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-m\"}");

        post(payload, sign(payload, Instant.now()));
        post(payload, sign(payload, Instant.now()));
        post(payload, sign(payload, Instant.now().minusSeconds(600)));
        post(payload, null);

        Prometheus after = Prometheus.scrape(port);
        assertThat(increase(before, after, "wallet_webhooks_verified_total")).isEqualTo(2);
        assertThat(increase(before, after, "wallet_webhooks_ingested_total", "result", "PUBLISHED")).isEqualTo(1);
        assertThat(increase(before, after, "wallet_webhooks_ingested_total", "result", "DUPLICATE")).isEqualTo(1);
        assertThat(increase(before, after, "wallet_webhooks_refused_total", "reason", "bad_signature")).isEqualTo(1);
        assertThat(increase(before, after, "wallet_webhooks_refused_total", "reason", "missing_signature"))
                .isEqualTo(1);
    }

    @Test
    void shouldPublishTheEventInTheTraceOfItsDelivery() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-t\"}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(200);

        ConsumerRecord<String, String> record = awaitRecords(1).get(0);
        String[] traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                .split("-");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var trace = spans.ofTrace(traceparent[1]);
            assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.SERVER).singleElement()
                    .satisfies(s -> assertThat(s.getName()).contains("/webhooks/stripe"));
            assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.PRODUCER).singleElement()
                    .satisfies(s -> assertThat(s.getSpanId()).isEqualTo(traceparent[2]));
        });
    }

    private static double increase(Prometheus before, Prometheus after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void shouldReportKafkaAndRedisInItsHealth() {
        // contract section 11; HealthIndicatorsIT (processor) shows the same checks turning DOWN
        for (String component : List.of("kafka", "redis")) {
            assertThat(http.get().uri("/actuator/health/" + component).retrieve().body(String.class))
                    .as(component).contains("\"UP\"");
        }
        assertThat(http.get().uri("/actuator/health/db").retrieve().toBodilessEntity().getStatusCode().value())
                .as("no database in this service").isEqualTo(404);
    }

    @Test
    void shouldExportNoSpansWithoutAnOtlpEndpoint(@Autowired org.springframework.context.ApplicationContext context) {
        // trace ids go to the logs only (OtlpExportIT shows the export once an endpoint is set)
        assertThat(context.getBeansOfType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
    }

    @Test
    void shouldRefuseBadSignaturesAndPublishNothing() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-9\"}");
        String notJson = "this is not json";

        List<ResponseEntity<String>> answers = List.of(
                post(payload, Webhook.Signature.generateSignatureHeader(payload, "whsec_other",
                        Instant.now().getEpochSecond())),
                post(payload, sign(payload, Instant.now().minusSeconds(600))),
                post(payload, "t=abc,v1=" + "0".repeat(64)),
                post(payload, null),
                post(notJson, sign(notJson, Instant.now())),
                post("{\"id\":\"evt_x\"}", sign("{\"id\":\"evt_x\"}", Instant.now())));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getBody()).contains("\"error\"");
        });
        assertThat(endOffsetSum()).isEqualTo(startOffsetSum);
    }

    @Test
    void shouldAcceptASignatureUnderEitherRollingSecretAndRefuseAnyOther() throws Exception {
        String oldSigned = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-old\"}");
        String newSigned = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-new\"}");
        String bothSigned = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-both\"}");
        String wrongSigned = paymentIntentSucceeded(newEventId(), "{\"wallet_id\":\"w-wrong\"}");
        long now = Instant.now().getEpochSecond();
        // Stripe during a roll: one v1 per secret in the same header.
        String both = Webhook.Signature.generateSignatureHeader(bothSigned, "whsec_unknown", now) + ","
                + Webhook.Signature.generateSignatureHeader(bothSigned, ROLLED_OUT_SECRET, now).split(",")[1];

        assertThat(post(oldSigned, Webhook.Signature.generateSignatureHeader(oldSigned, ROLLED_OUT_SECRET, now))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post(newSigned, sign(newSigned, Instant.now())).getStatusCode().value()).isEqualTo(200);
        assertThat(post(bothSigned, both).getStatusCode().value()).isEqualTo(200);
        long afterGenuine = startOffsetSum + 3;
        await().atMost(Duration.ofSeconds(15)).until(() -> endOffsetSum() == afterGenuine);
        assertThat(post(wrongSigned, Webhook.Signature.generateSignatureHeader(wrongSigned, "whsec_wrong", now))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post(wrongSigned, Webhook.Signature.generateSignatureHeader(wrongSigned,
                ROLLED_OUT_SECRET + "," + SECRET, now)).getStatusCode().value()).isEqualTo(400);

        assertThat(awaitRecords(3)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("w-old", "w-new", "w-both");
        assertThat(endOffsetSum()).isEqualTo(afterGenuine);
    }

    @Test
    void shouldAcknowledgeButNotPublishUnhandledTypes() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{}").replace("payment_intent.succeeded",
                "customer.created");

        ResponseEntity<String> answer = post(payload, sign(payload, Instant.now()));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("ignored");
        assertThat(endOffsetSum()).isEqualTo(startOffsetSum);
    }

    @Test
    void shouldRefuseBodiesOver64KiB() throws Exception {
        String payload = paymentIntentSucceeded(newEventId(), "{\"pad\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(post(payload, sign(payload, Instant.now())).getStatusCode().value()).isEqualTo(413);
        assertThat(endOffsetSum()).isEqualTo(startOffsetSum);
    }

    long startOffsetSum;

    @BeforeEach
    void rememberOffsets() {
        startOffsetSum = endOffsetSum();
    }

    private long endOffsetSum() {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private List<ConsumerRecord<String, String>> awaitRecords(int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }

    private ResponseEntity<String> post(String payload, String signature) {
        return http.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (signature != null) {
                        h.set("Stripe-Signature", signature);
                    }
                })
                .body(payload).retrieve().toEntity(String.class);
    }

    private static String sign(String payload, Instant at) throws Exception {
        return Webhook.Signature.generateSignatureHeader(payload, SECRET, at.getEpochSecond());
    }

    private static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String paymentIntentSucceeded(String eventId, String metadata) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":1700000000,
                 "livemode":false,"type":"payment_intent.succeeded",
                 "data":{"object":{"id":"pi_7","object":"payment_intent","amount":2500,"currency":"usd",
                   "status":"succeeded","latest_charge":"ch_7","metadata":%s}}}
                """.formatted(eventId, metadata);
    }
}
