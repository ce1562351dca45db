package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.testsupport.CapturedSpans;
import com.wallet.testsupport.Prometheus;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Contract section 11 on the gateway: mutations accepted and refused by code on
 * /actuator/prometheus; one trace from the HTTP request to the wallet.commands record (its
 * traceparent header), with the trace id in the request's log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends GatewayITBase {

    @Autowired
    CapturedSpans spans;

    @Test
    void shouldCountMutationsByOperationOutcomeAndCode() {
        String user = token(newUser());
        Prometheus before = Prometheus.scrape(port);

        String wallet = createWallet(user, "USD");
        assertThat(deposit(user, wallet, 1_000, null, null).ok()).isTrue();
        assertThat(deposit(user, wallet, 0, null, null).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(transfer(user, wallet, wallet, 10, null, null).code()).isEqualTo("SAME_WALLET");

        Prometheus after = Prometheus.scrape(port);
        String metric = "wallet_gateway_mutations_total";
        assertThat(increase(before, after, metric, "operation", "createWallet", "outcome", "accepted", "code", "OK"))
                .isEqualTo(1);
        assertThat(increase(before, after, metric, "operation", "deposit", "outcome", "accepted", "code", "OK"))
                .isEqualTo(1);
        assertThat(increase(before, after, metric, "operation", "deposit", "outcome", "refused",
                "code", "INVALID_AMOUNT")).isEqualTo(1);
        assertThat(increase(before, after, metric, "operation", "transfer", "outcome", "refused",
                "code", "SAME_WALLET")).isEqualTo(1);
        // Boot's own: HTTP server requests and the Kafka producer's client metrics
        assertThat(after.hasMetricContaining("http_server_requests_seconds")).isTrue();
        assertThat(after.hasMetricContaining("kafka_producer_")).isTrue();
    }

    @Test
    void shouldCarryOneTraceFromTheHttpRequestToTheKafkaRecord(CapturedOutput output) {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply reply = deposit(user, wallet, 2_000, null, null);
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        String txId = reply.data("deposit").path("id").asString();

        // Usually one record; under load the relay may send the same command again (its own trace).
        // The mutation answers before the broker's ack, so the record may still be on its way.
        Map<String, String> headers = await().atMost(Duration.ofSeconds(20)).until(
                () -> commandsKeyedBy(wallet).stream()
                        .map(r -> java.util.Arrays.stream(r.headers().toArray())
                                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8))))
                        .filter(this::sentInsideItsHttpRequest).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        String traceId = headers.get("traceparent").split("-")[1]; // 00-traceId-spanId-flags
        assertThat(spans.ofTrace(traceId)).filteredOn(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("query"))
                .as("the request's SQL statements").isNotEmpty();
        // the request id still travels beside the trace, and the log line names both
        assertThat(headers).containsKey("X-Request-Id");
        String accepted = output.getOut().lines().filter(l -> l.contains("transaction " + txId + " accepted"))
                .findFirst().orElseThrow();
        assertThat(accepted).contains(traceId).contains(headers.get("X-Request-Id"));
    }

    /** The record's traceparent names a producer span whose trace has the HTTP request's server span. */
    private boolean sentInsideItsHttpRequest(Map<String, String> headers) {
        String[] traceparent = headers.getOrDefault("traceparent", "").split("-");
        if (traceparent.length != 4) {
            return false;
        }
        List<SpanData> trace = spans.ofTrace(traceparent[1]);
        return trace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/graphql"))
                && trace.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER && s.getSpanId().equals(traceparent[2]));
    }

    private static double increase(Prometheus before, Prometheus after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
