package com.wallet.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase (e): GraphQL reads through the gateway, what a client does after a mutation: it polls
 * {@code getTransaction(id)} for the status and shows the balance with {@code getWallet(id)}.
 * {@code concurrency} clients, each a closed loop for {@code seconds}, alternate the two over the
 * GraphQL phase's own wallets and (final) transactions, all owned by the token's user. Every answer
 * is one HTTP round trip, timed per query.
 */
final class ReadPhase {

    record Outcome(int reads, int refused, double seconds, Latency all, Latency wallet, Latency transaction,
                   String firstError) {
        double readsPerSecond() {
            return seconds > 0 ? reads / seconds : 0;
        }
    }

    private final GraphQlClient graphql;
    private final String token;
    private final int clients;

    ReadPhase(GraphQlClient graphql, String jwtSecret, String userId, int clients) {
        this.graphql = graphql;
        this.token = GatewayPhase.jwt(jwtSecret, userId);
        this.clients = clients;
    }

    /** Reads for {@code seconds}; each answer is recorded in {@code walletSeconds} or {@code transactionSeconds}. */
    Outcome run(List<UUID> wallets, List<UUID> transactions, int seconds, PerSecond walletSeconds,
                PerSecond transactionSeconds) throws InterruptedException {
        Latency all = new Latency();
        Latency wallet = new Latency();
        Latency transaction = new Latency();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<String, String> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                boolean walletTurn = random.nextBoolean();
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    boolean readWallet = walletTurn || transactions.isEmpty();
                    long sent = System.nanoTime();
                    try {
                        if (readWallet) {
                            graphql.wallet(token, wallets.get(random.nextInt(wallets.size())));
                        } else {
                            graphql.transaction(token, transactions.get(random.nextInt(transactions.size())));
                        }
                        long answered = System.nanoTime();
                        long latency = answered - sent;
                        all.recordNanos(latency);
                        (readWallet ? wallet : transaction).recordNanos(latency);
                        (readWallet ? walletSeconds : transactionSeconds).record(answered, latency);
                        reads.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                        errors.putIfAbsent("first", e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                    walletTurn = !walletTurn;
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Outcome(reads.get(), refused.get(), elapsed, all, wallet, transaction, errors.get("first"));
    }
}
