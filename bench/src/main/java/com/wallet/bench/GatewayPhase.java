package com.wallet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phase (c): GraphQL {@code transfer} mutations through the gateway from {@code concurrency}
 * clients, each a closed loop over its own source wallet. Acceptance latency is the HTTP round
 * trip; completion latency runs from the request's send to the final event on wallet.transactions.
 */
final class GatewayPhase {

    private static final String TRANSFER = "mutation($w:String!,$in:TransferInput!){transfer(fromWalletId:$w,input:$in){id status}}";

    record Outcome(int accepted, int rejected, int completed, int failed, int missing, double seconds,
                   Latency acceptance, Latency completion, String firstError) {
        double acceptedPerSecond() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    private final BenchOptions options;
    private final EventWatcher watcher;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    GatewayPhase(BenchOptions options, EventWatcher watcher, String jwtSecret, String userId) {
        this.options = options;
        this.watcher = watcher;
        this.token = jwt(jwtSecret, userId);
    }

    Outcome run(List<UUID> wallets, int transfers, String run, boolean measured) throws InterruptedException {
        int clients = Math.min(options.concurrency(), wallets.size() / 2);
        AtomicInteger next = new AtomicInteger();
        Latency acceptance = new Latency();
        Map<UUID, Long> submittedAt = new ConcurrentHashMap<>();
        AtomicInteger rejected = new AtomicInteger();
        Map<String, String> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            UUID from = wallets.get(c);
            UUID to = wallets.get(c + clients);
            pool.execute(() -> {
                int n;
                while ((n = next.getAndIncrement()) < transfers) {
                    long sent = System.nanoTime();
                    try {
                        UUID id = transfer(from, to, 1 + n % 100, run + "-" + n);
                        acceptance.recordNanos(System.nanoTime() - sent);
                        submittedAt.put(id, sent);
                    } catch (Exception e) {
                        rejected.incrementAndGet();
                        errors.putIfAbsent("first", e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(options.timeoutSeconds(), TimeUnit.SECONDS);
        pool.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;

        // Completion: wait (bounded) until every accepted transfer has its final event.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        while (System.nanoTime() < deadline
                && submittedAt.keySet().stream().anyMatch(id -> watcher.finalOf(id) == null)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Latency completion = new Latency();
        int completed = 0;
        int failed = 0;
        int missing = 0;
        for (Map.Entry<UUID, Long> e : submittedAt.entrySet()) {
            EventWatcher.Final f = watcher.finalOf(e.getKey());
            if (f == null) {
                missing++;
                continue;
            }
            completion.recordNanos(f.seenNanos() - e.getValue());
            if (f.status().equals("COMPLETED")) {
                completed++;
            } else {
                failed++;
            }
        }
        return new Outcome(submittedAt.size(), rejected.get(), completed, failed, missing, seconds,
                acceptance, completion, errors.get("first"));
    }

    private UUID transfer(UUID from, UUID to, long amount, String idempotencyKey) throws Exception {
        Map<String, Object> body = Map.of("query", TRANSFER, "variables", Map.of("w", from.toString(),
                "in", Map.of("toWalletId", to.toString(), "amount", amount, "idempotencyKey", idempotencyKey)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.gatewayUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        String id = answer.path("data").path("transfer").path("id").asString("");
        if (response.statusCode() != 200 || id.isEmpty()) {
            JsonNode code = answer.path("errors").path(0).path("extensions").path("code");
            throw new IllegalStateException("HTTP " + response.statusCode()
                    + (code.isMissingNode() ? "" : " " + code.asString("")));
        }
        return UUID.fromString(id);
    }

    /** An HS256 JWT like `bin/wallet token`: the key is the UTF-8 bytes of JWT_SECRET as given. */
    static String jwt(String secret, String userId) {
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + userId + "\",\"roles\":[\"USER\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<UUID> firstN(List<UUID> wallets, int n) {
        return new ArrayList<>(wallets.subList(0, Math.min(n, wallets.size())));
    }
}
