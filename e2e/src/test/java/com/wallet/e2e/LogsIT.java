package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract sections 5 and 11 as an operator reads them: every service's log under .wallet/logs is
 * JSON lines, and one request's X-Request-Id is answered back and found in the gateway's log and in
 * the log of the processor that applied its command.
 */
class LogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REPO = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = REPO.resolve(".wallet/logs");
    private static final List<String> SERVICES = List.of("gateway", "processor-1", "processor-2", "webhook-ingest",
            "stripe-emulator", "kafka");

    private final WalletApi api = new WalletApi();

    @Test
    void everyServiceLogsJsonLinesAndOneRequestIsFollowedByItsRequestId() throws Exception {
        String user = api.token("logs-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        String requestId = "e2e-" + UUID.randomUUID();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(System.getProperty("wallet.gateway", "http://127.0.0.1:8080") + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + user)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                        "query", "mutation($w: String!) { deposit(walletId: $w, input: {amount: 250}) { id } }",
                        "variables", java.util.Map.of("w", wallet)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue(requestId);
        String id = JSON.readTree(answer.body()).path("data").path("deposit").path("id").asString();
        assertThat(api.awaitFinal(user, id).path("status").asString()).isEqualTo("COMPLETED");

        await("the request id in the gateway's, a processor's and webhook-ingest's log").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    assertThat(linesWith("gateway", requestId)).isNotEmpty();
                    assertThat(linesWith("processor-1", requestId).size() + linesWith("processor-2", requestId).size())
                            .isPositive();
                    // the settling webhook: Stripe echoes the PaymentIntent's metadata request_id
                    assertThat(linesWith("webhook-ingest", requestId)).isNotEmpty();
                });
        assertThat(new StripeEmulator().paymentIntentsOf(id)).singleElement()
                .satisfies(pi -> assertThat(pi.path("metadata").path("request_id").asString()).isEqualTo(requestId));
        // the processor logged the Stripe call with its idempotency key under the request id
        List<JsonNode> processor = new ArrayList<>(linesWith("processor-1", requestId));
        processor.addAll(linesWith("processor-2", requestId));
        assertThat(processor).anySatisfy(e -> assertThat(e.path("message").asString())
                .contains("idempotency key deposit-" + id));

        // bin/wallet logs --request: that request, readable, across the services
        Process logs = new ProcessBuilder(REPO.resolve("bin/wallet").toString(), "logs", "--request", requestId)
                .directory(REPO.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String shown = new String(logs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(logs.waitFor()).isZero();
        List<String> shownLines = shown.lines().toList();
        assertThat(shownLines).isNotEmpty().allSatisfy(l -> assertThat(l).contains(" " + requestId + " ")
                .doesNotContain("{\"").doesNotContain("\u001b["));
        assertThat(shown).contains(" gateway ").contains(" processor-").contains(" webhook-ingest ");
        for (String service : SERVICES) {
            if (service.equals("processor-2") && !Files.exists(LOGS.resolve(service + ".log"))) {
                continue; // a system running one processor
            }
            List<String> lines = Files.readAllLines(LOGS.resolve(service + ".log"), StandardCharsets.UTF_8);
            assertThat(lines).as(service + ".log").isNotEmpty();
            for (String line : lines) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(service + ": " + line).isTrue();
                assertThat(event.has("@timestamp") && event.has("message")).as(service + ": " + line).isTrue();
            }
        }
    }

    /** The parsed log events of a service whose requestId is this one. */
    private static List<JsonNode> linesWith(String service, String requestId) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        if (!Files.exists(LOGS.resolve(service + ".log"))) {
            return found;
        }
        for (String line : Files.readAllLines(LOGS.resolve(service + ".log"), StandardCharsets.UTF_8)) {
            if (line.contains(requestId)) {
                JsonNode event = JSON.readTree(line);
                if (requestId.equals(event.path("requestId").asString())) {
                    found.add(event);
                }
            }
        }
        return found;
    }
}
