package com.wallet.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
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

/**
 * Phase (c): GraphQL {@code transfer} mutations through the gateway from {@code concurrency}
 * clients, each a closed loop over its own source wallet. Acceptance latency is the HTTP round
 * trip; completion latency runs from the request's send to the final event on wallet.transactions.
 */
final class GatewayPhase {

    /** @param unsent mutations the clients never finished sending: the phase's --timeout ran out first */
    record Outcome(int accepted, int rejected, int unsent, int completed, int failed, int missing, double seconds,
                   Latency acceptance, Latency completion, String firstError, List<UUID> transactions) {
        double acceptedPerSecond() {
            return seconds > 0 ? accepted / seconds : 0;
        }
    }

    private final BenchOptions options;
    private final EventWatcher watcher;
    private final GraphQlClient graphql;
    private final String token;

    GatewayPhase(BenchOptions options, EventWatcher watcher, GraphQlClient graphql, String jwtSecret, String userId) {
        this.options = options;
        this.watcher = watcher;
        this.graphql = graphql;
        this.token = jwt(jwtSecret, userId);
    }

    /**
     * {@code transfers} mutations; each acceptance is recorded in {@code accepted} when its answer
     * arrives, each final event in {@code finals} when the watcher saw it.
     */
    Outcome run(List<UUID> wallets, int transfers, String run, PerSecond accepted, PerSecond finals)
            throws InterruptedException {
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
                        UUID id = graphql.transfer(token, from, to, 1 + n % 100, run + "-" + n);
                        long answered = System.nanoTime();
                        acceptance.recordNanos(answered - sent);
                        accepted.record(answered, answered - sent);
                        submittedAt.put(id, sent);
                    } catch (Exception e) {
                        if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
                            return; // the phase's --timeout ran out (shutdownNow): not sent, not refused
                        }
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
            finals.record(f.seenNanos(), f.seenNanos() - e.getValue());
            if (f.status().equals("COMPLETED")) {
                completed++;
            } else {
                failed++;
            }
        }
        int unsent = Math.max(0, transfers - submittedAt.size() - rejected.get());
        return new Outcome(submittedAt.size(), rejected.get(), unsent, completed, failed, missing, seconds,
                acceptance, completion, errors.get("first"), List.copyOf(submittedAt.keySet()));
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
}
