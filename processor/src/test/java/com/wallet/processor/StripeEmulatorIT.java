package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.WithdrawFunds;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deposits and withdrawals against the real Stripe emulator module (its executable jar, started as
 * a child process), with its signed webhooks turned into stripe.events records here, as
 * webhook-ingest does. Skipped when the emulator jar has not been built
 * ({@code mvn -B -pl stripe-emulator -am package -DskipTests}).
 */
@EnabledIf("emulatorBuilt")
class StripeEmulatorIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process emulator;
    private static HttpServer webhooks;
    private static String emulatorUrl;

    static boolean emulatorBuilt() {
        return emulatorJar() != null;
    }

    private static Path emulatorJar() {
        Path jar = Path.of("..", "stripe-emulator", "target", "stripe-emulator-0.1.0-SNAPSHOT.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    @BeforeAll
    static void startEmulator() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StripeEventMessage message = toMessage(JSON.readTree(body));
            sendRaw(Topics.STRIPE_EVENTS, message.walletId() != null ? message.walletId() : message.objectId(),
                    JSON.writeValueAsString(message));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhooks.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        emulatorUrl = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", emulatorJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/stripe-emulator-it.log"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STRIPE_WEBHOOK_URL",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/webhooks/stripe");
        builder.environment().put("STRIPE_SECRET_KEY", "sk_test_local");
        builder.environment().put("STRIPE_SETTLE_DELAY", "200ms");
        emulator = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> get("/actuator/health").contains("UP"));
        StripeStub.get().forwardTo(emulatorUrl);
    }

    @AfterAll
    static void stopEmulator() {
        StripeStub.get().forwardTo(null);
        if (emulator != null) {
            emulator.destroy();
        }
        if (webhooks != null) {
            webhooks.stop(0);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulatorUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulatorUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** What webhook-ingest publishes for a verified event. */
    private static StripeEventMessage toMessage(JsonNode event) {
        JsonNode object = event.path("data").path("object");
        JsonNode metadata = object.path("metadata");
        JsonNode error = object.path("last_payment_error");
        String type = event.path("type").asString();
        String objectId = object.path("id").asString();
        String failure = text(error, "decline_code") != null ? text(error, "decline_code") : text(error, "code");
        return new StripeEventMessage(event.path("id").asString(), type, objectId,
                "payment_intent".equals(text(object, "object")) ? objectId : text(object, "payment_intent"),
                text(metadata, "wallet_id"), text(metadata, "transaction_id"),
                object.path(type.equals("charge.refunded") ? "amount_refunded" : "amount").asLong(0),
                text(object, "currency"), failure, event.path("created").asLong(0));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    @Test
    void declinedCardAtConfirmationEndsCardDeclined() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_200, "pm_card_chargeDeclined", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "failure_reason")).isEqualTo("CARD_DECLINED");
        String pi = column(deposit.transactionId(), "stripe_payment_intent_id");
        assertThat(pi).startsWith("pi_");
        JsonNode intents = JSON.readTree(get("/_emulator/objects?type=payment_intent"));
        assertThat(intents.toString()).contains(pi).contains(deposit.transactionId().toString());
        assertThat(wallets.balance(wallet)).isZero();
    }

    @Test
    void depositIsCreditedByTheSucceededWebhook() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 3_300, "pm_card_visa", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "stripe_payment_intent_id")).startsWith("pi_");
        assertThat(wallets.balance(wallet)).isEqualTo(3_300).isEqualTo(wallets.postingsOf(wallet));
    }

    @Test
    void depositSurvivesRateLimitsAndServerErrors() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_000, "pm_card_visa", cipher);
        assertThat(post("/_emulator/faults", """
                {"kind":"rate_limit","count":2,"path":"/v1/payment_intents"}""")).isLessThan(300);
        assertThat(post("/_emulator/faults", """
                {"kind":"error_after","count":1,"path":"/v1/payment_intents"}""")).isLessThan(300);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId())));
        assertThat(wallets.balance(wallet)).isEqualTo(1_000);
        JsonNode intents = JSON.readTree(get("/_emulator/objects?type=payment_intent"));
        long created = 0;
        for (JsonNode intent : intents.isArray() ? intents : intents.path("data")) {
            if (intent.toString().contains(deposit.transactionId().toString())) {
                created++;
            }
        }
        assertThat(created).isEqualTo(1);
    }

    @Test
    void withdrawalIsPaidOutAndReversedByTheWebhook() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_emulated");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 300);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        String transfer = column(tx, "stripe_transfer_id");
        assertThat(transfer).startsWith("tr_");
        assertThat(wallets.balance(wallet)).isEqualTo(700);

        assertThat(post("/_emulator/transfers/" + transfer + "/reverse", "{}")).isLessThan(300);

        await().atMost(PATIENCE).until(() -> "REVERSED".equals(wallets.status(tx)));
        assertThat(wallets.balance(wallet)).isEqualTo(1_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
    }
}
