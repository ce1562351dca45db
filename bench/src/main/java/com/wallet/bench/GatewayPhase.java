package com.wallet.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Phase (c): GraphQL {@code transfer} mutations through the gateway. At {@code --gql-rate} R > 0
 * it is an open loop: mutation n is due at start + n/R whatever the answers before it, and both
 * latencies count from when it was due, so a slow gateway shows as latency, not as a lower rate
 * (no coordinated omission). At R = 0 it is a closed loop of {@code concurrency} clients, each over
 * its own source wallet, timed from each request's send. Acceptance latency is the HTTP round trip;
 * completion latency runs to the final event on wallet.transactions.
 */
final class GatewayPhase {

    /**
     * Open loop: the most mutations outstanding at once. Past it the sender waits; the wait still
     * counts in the latencies (they run from the due time).
     */
    static final int MAX_OUTSTANDING = 2048;

    /**
     * @param unsent mutations the clients never finished sending: the phase's --timeout ran out first
     * @param rate   the open loop's target mutations per second, 0 for the closed loop
     */
    record Outcome(int accepted, int rejected, int unsent, int completed, int failed, int missing, double seconds,
                   Latency acceptance, Latency completion, String firstError, List<UUID> transactions, double rate) {
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

    /** What the phase has seen so far: each acceptance when its answer arrives, refusals, the first error. */
    private static final class Tally {
        final Latency acceptance = new Latency();
        final Map<UUID, Long> submittedAt = new ConcurrentHashMap<>();
        final AtomicInteger rejected = new AtomicInteger();
        final Map<String, String> errors = new ConcurrentHashMap<>();
        final PerSecond accepted;

        Tally(PerSecond accepted) {
            this.accepted = accepted;
        }

        /** One answer: the id of an accepted mutation, timed from {@code since} (its send or its due time). */
        void accepted(UUID id, long since) {
            long answered = System.nanoTime();
            acceptance.recordNanos(answered - since);
            accepted.record(answered, answered - since);
            submittedAt.put(id, since);
        }

        void refused(Throwable e) {
            rejected.incrementAndGet();
            errors.putIfAbsent("first", e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * {@code transfers} mutations at {@code rate} per second (0: closed loop); each acceptance is
     * recorded in {@code accepted} when its answer arrives, each final event in {@code finals} when
     * the watcher saw it.
     */
    Outcome run(List<UUID> wallets, int transfers, double rate, String run, PerSecond accepted, PerSecond finals)
            throws InterruptedException {
        int pairs = Math.min(options.concurrency(), wallets.size() / 2);
        Tally tally = new Tally(accepted);
        long start = System.nanoTime();
        if (rate > 0) {
            openLoop(wallets, pairs, transfers, rate, run, tally);
        } else {
            closedLoop(wallets, pairs, transfers, run, tally);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return completion(tally, transfers, seconds, rate, finals);
    }

    private void closedLoop(List<UUID> wallets, int clients, int transfers, String run, Tally tally)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            UUID from = wallets.get(c);
            UUID to = wallets.get(c + clients);
            pool.execute(() -> {
                int n;
                while ((n = next.getAndIncrement()) < transfers) {
                    long sent = System.nanoTime();
                    try {
                        tally.accepted(graphql.transfer(token, from, to, 1 + n % 100, run + "-" + n), sent);
                    } catch (Exception e) {
                        if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
                            return; // the phase's --timeout ran out (shutdownNow): not sent, not refused
                        }
                        tally.refused(e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(options.timeoutSeconds(), TimeUnit.SECONDS);
        pool.shutdownNow();
    }

    /** Mutation n is due at start + n/rate over the wallet pairs in turn; answers are taken as they come. */
    private void openLoop(List<UUID> wallets, int pairs, int transfers, double rate, String run, Tally tally)
            throws InterruptedException {
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        for (int n = 0; n < transfers; n++) {
            long due = start + Math.round(n * 1e9 / rate);
            long early;
            while ((early = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(early); // pacing the load generator, not waiting for an outcome
            }
            if (!outstanding.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break; // the phase's --timeout ran out: the rest are not sent
            }
            int pair = n % pairs;
            graphql.transferAsync(token, wallets.get(pair), wallets.get(pairs + pair), 1 + n % 100, run + "-" + n)
                    .whenComplete((id, error) -> {
                        outstanding.release();
                        if (error == null) {
                            tally.accepted(id, due);
                        } else {
                            tally.refused(error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error);
                        }
                    });
        }
        // The answers still on their way (bounded by the same --timeout).
        if (outstanding.tryAcquire(MAX_OUTSTANDING, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            outstanding.release(MAX_OUTSTANDING);
        }
    }

    /** Waits (bounded) until every accepted transfer has its final event, and times each. */
    private Outcome completion(Tally tally, int transfers, double seconds, double rate, PerSecond finals)
            throws InterruptedException {
        Map<UUID, Long> submittedAt = Map.copyOf(tally.submittedAt);
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
        int rejected = tally.rejected.get();
        int unsent = Math.max(0, transfers - submittedAt.size() - rejected);
        return new Outcome(submittedAt.size(), rejected, unsent, completed, failed, missing, seconds,
                tally.acceptance, completion, tally.errors.get("first"), List.copyOf(submittedAt.keySet()), rate);
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
