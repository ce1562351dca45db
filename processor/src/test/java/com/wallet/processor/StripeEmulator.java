package com.wallet.processor;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.StripeEventParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Stripe emulator module (its executable jar) as a child process, started once per JVM,
 * with a webhook receiver that turns its signed webhooks into stripe.events records as
 * webhook-ingest does (the same parser and sealing), or, for chosen transactions, loses them
 * (answers 200, publishes nothing).
 */
final class StripeEmulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StripeEmulator instance;

    private final Process process;
    private final HttpServer webhooks;
    private final String url;
    private final Set<String> losing = ConcurrentHashMap.newKeySet();
    private final List<StripeEventMessage> lost = new CopyOnWriteArrayList<>();

    static boolean built() {
        return jar() != null;
    }

    private static Path jar() {
        Path jar = Path.of("..", "stripe-emulator", "target", "stripe-emulator-0.1.0-SNAPSHOT.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    static synchronized StripeEmulator get() {
        if (instance == null) {
            try {
                instance = new StripeEmulator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private StripeEmulator() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StripeEventMessage message = StripeEventParser.parse(body).orElse(null);
            if (message == null) {
                exchange.sendResponseHeaders(400, -1);
            } else if (message.transactionId() != null && losing.contains(message.transactionId())) {
                lost.add(message);
                exchange.sendResponseHeaders(200, -1);
            } else {
                ProcessorIntegrationTest.sendStripeEvent(message);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        webhooks.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/stripe-emulator-it.log"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STRIPE_WEBHOOK_URL",
                "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/webhooks/stripe");
        builder.environment().put("STRIPE_SECRET_KEY", ProcessorIntegrationTest.STRIPE_TEST_KEY);
        builder.environment().put("STRIPE_SETTLE_DELAY", "200ms");
        process = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> get("/actuator/health").contains("UP"));
    }

    private void stop() {
        process.destroy();
        webhooks.stop(0);
    }

    String url() {
        return url;
    }

    /** Webhooks of this transaction are lost from now on: webhook-ingest "answered" but published nothing. */
    void loseWebhooksOf(UUID transactionId) {
        losing.add(transactionId.toString());
    }

    List<StripeEventMessage> lostWebhooksOf(UUID transactionId) {
        List<StripeEventMessage> events = new ArrayList<>();
        for (StripeEventMessage event : lost) {
            if (transactionId.toString().equals(event.transactionId())) {
                events.add(event);
            }
        }
        return events;
    }

    String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    int post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The emulator's PaymentIntents whose metadata names this transaction. */
    List<JsonNode> paymentIntentsOf(UUID transactionId) throws IOException, InterruptedException {
        JsonNode intents = JSON.readTree(get("/_emulator/objects?type=payment_intent"));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode intent : intents.isArray() ? intents : intents.path("data")) {
            if (transactionId.toString().equals(intent.path("metadata").path("transaction_id").asString(""))) {
                found.add(intent);
            }
        }
        return found;
    }

    /** The emulator's Transfers whose metadata names this transaction. */
    List<JsonNode> transfersOf(UUID transactionId) throws IOException, InterruptedException {
        JsonNode transfers = JSON.readTree(get("/_emulator/objects?type=transfer"));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode transfer : transfers.isArray() ? transfers : transfers.path("data")) {
            if (transactionId.toString().equals(transfer.path("metadata").path("transaction_id").asString(""))) {
                found.add(transfer);
            }
        }
        return found;
    }

    void clearFaults() throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_emulator/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
