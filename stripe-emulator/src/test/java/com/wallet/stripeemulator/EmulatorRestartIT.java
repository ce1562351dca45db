package com.wallet.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.TransferCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's executable jar as a process on a state file, killed with SIGKILL right after it
 * answered and started again on the same file: it answers for every object and idempotency key it
 * answered before, settles the bank debit the kill left processing, and sends again the events it
 * had not delivered.
 */
class EmulatorRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Path stateFile;
    private HttpServer endpoint;
    private final AtomicBoolean endpointUp = new AtomicBoolean();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private Process emulator;
    private String url;

    @BeforeEach
    void webhookEndpoint() throws IOException {
        stateFile = dir.resolve("emulator").resolve("state.jsonl");
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/webhooks/stripe", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 503;
            if (endpointUp.get()) {
                received.add(JSON.readTree(payload).path("id").asString());
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.destroyForcibly();
        }
        endpoint.stop(0);
    }

    @Test
    void shouldAnswerForEveryObjectAndKeyAfterAKillAndARestart() throws Exception {
        start();
        StripeClient stripe = client();
        RequestOptions depositKey = RequestOptions.builder().setIdempotencyKey("deposit-tx-restart").build();
        RequestOptions withdrawalKey = RequestOptions.builder().setIdempotencyKey("withdrawal-tx-restart").build();
        PaymentIntent pi = stripe.v1().paymentIntents().create(deposit("pm_card_visa", 1_200), depositKey);
        PaymentIntent bankDebit = stripe.v1().paymentIntents().create(deposit("pm_usBankAccount", 700));
        Transfer transfer = stripe.v1().transfers().create(withdrawal(900), withdrawalKey);
        assertThat(control("POST", "/_emulator/transfers/" + transfer.getId() + "/reverse", "{\"amount\":100}"))
                .isEqualTo(200);
        String dispute = JSON.readTree(controlBody("POST", "/_emulator/payment_intents/" + pi.getId() + "/dispute", "{}"))
                .path("id").asString();
        assertThat(control("POST", "/_emulator/disputes/" + dispute + "/close", "{\"status\":\"won\"}")).isEqualTo(200);
        List<String> events = eventIds();
        assertThat(events).isNotEmpty();
        assertThat(stripe.v1().paymentIntents().retrieve(bankDebit.getId()).getStatus()).isEqualTo("processing");

        emulator.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush
        endpointUp.set(true);
        start();
        stripe = client();

        PaymentIntent retrieved = stripe.v1().paymentIntents().retrieve(pi.getId());
        assertThat(retrieved.getStatus()).isEqualTo("succeeded");
        assertThat(retrieved.getAmount()).isEqualTo(1_200L);
        assertThat(retrieved.getMetadata()).containsEntry("transaction_id", "tx-restart");
        Transfer reversed = stripe.v1().transfers().retrieve(transfer.getId());
        assertThat(reversed.getAmount()).isEqualTo(900L);
        assertThat(reversed.getAmountReversed()).isEqualTo(100L);
        assertThat(objects("dispute")).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "won"));

        PaymentIntent replayed = stripe.v1().paymentIntents().create(deposit("pm_card_visa", 1_200), depositKey);
        assertThat(replayed.getId()).isEqualTo(pi.getId());
        assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(stripe.v1().transfers().create(withdrawal(900), withdrawalKey).getId()).isEqualTo(transfer.getId());
        StripeClient sameClient = stripe;
        assertThatThrownBy(() -> sameClient.v1().transfers().create(withdrawal(901), withdrawalKey))
                .isInstanceOf(IdempotencyException.class);
        assertThat(objects("payment_intent")).hasSize(2);
        assertThat(objects("transfer")).hasSize(1);

        // the kill left the bank debit processing and every event undelivered (the endpoint answered 503)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sameClient.v1().paymentIntents().retrieve(bankDebit.getId()).getStatus()).isEqualTo("succeeded"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received).containsAll(events));
    }

    @Test
    void shouldEmptyTheStateFileOnReset() throws Exception {
        start();
        client().v1().paymentIntents().create(deposit("pm_card_visa", 100));
        assertThat(Files.size(stateFile)).isPositive();

        assertThat(control("POST", "/_emulator/reset", "")).isEqualTo(204);

        assertThat(Files.size(stateFile)).isZero();
        emulator.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        start();
        assertThat(objects(null)).isEmpty();
    }

    private void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/emulator-restart-it.log")));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STRIPE_EMULATOR_STATE_FILE", stateFile.toString());
        builder.environment().put("STRIPE_WEBHOOK_URL",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe");
        builder.environment().put("STRIPE_SECRET_KEY", "sk_test_local");
        builder.environment().put("STRIPE_SETTLE_DELAY", "5s");
        emulator = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> controlBody("GET", "/actuator/health", null).contains("UP"));
    }

    private static Path jar() {
        Path jar = Path.of("target", "stripe-emulator-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("the packaged emulator (failsafe runs after package)").isRegularFile();
        return jar;
    }

    private StripeClient client() {
        return StripeClient.builder().setApiKey("sk_test_local").setApiBase(url)
                .setConnectTimeout(2_000).setReadTimeout(5_000).build();
    }

    private int control(String method, String path, String json) throws Exception {
        return send(method, path, json).statusCode();
    }

    private String controlBody(String method, String path, String json) throws Exception {
        return send(method, path, json).body();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Map<String, Object>> objects(String type) throws Exception {
        return JSON.readValue(controlBody("GET", "/_emulator/objects" + (type == null ? "" : "?type=" + type), null),
                new TypeReference<>() { });
    }

    private List<String> eventIds() throws Exception {
        List<Map<String, Object>> deliveries = JSON.readValue(controlBody("GET", "/_emulator/webhooks", null),
                new TypeReference<>() { });
        return deliveries.stream().map(d -> (String) d.get("eventId")).toList();
    }

    private static PaymentIntentCreateParams deposit(String paymentMethod, long amount) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd")
                .setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("wallet_id", "w-restart").putMetadata("transaction_id", "tx-restart").build();
    }

    private static TransferCreateParams withdrawal(long amount) {
        return TransferCreateParams.builder().setAmount(amount).setCurrency("usd").setDestination("acct_test")
                .setTransferGroup("tx-restart")
                .putMetadata("wallet_id", "w-restart").putMetadata("transaction_id", "tx-restart").build();
    }
}
