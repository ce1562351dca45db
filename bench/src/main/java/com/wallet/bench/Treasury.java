package com.wallet.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Funds the bench's wallets through the ledger's own paths, so that every cent in them came in as a
 * real deposit. A few treasury wallets take deposits through the gateway ({@code deposit} mutation ->
 * PENDING row -> DepositFunds on wallet.commands -> the processor's PaymentIntent at the Stripe
 * emulator -> the webhook settles it COMPLETED); then real transfers (TransferFunds on
 * wallet.commands, each waited for on wallet.transactions) spread the money to every bench wallet.
 * Those transfers are the bench's warm-up: recorded in the CSV, never counted in the figures.
 */
final class Treasury {

    /** The emulator's card that succeeds without 3-D Secure. */
    static final String PAYMENT_METHOD = "pm_card_visa";

    private static final int ATTEMPTS = 20;

    /** A treasury wallet's deposit and the transfers it makes. */
    record Bin(long total, List<Map.Entry<UUID, Long>> targets) {
    }

    /** What funding took: the deposits (submit to COMPLETED) and the spreading transfers (the warm-up). */
    record Funding(int deposits, double depositSeconds, Latency depositLatency, KafkaPhase.Outcome transfers,
                   PerSecond warmup) {
    }

    private final BenchOptions options;
    private final WalletFixtures fixtures;
    private final GraphQlClient graphql;
    private final EventWatcher watcher;
    private final KafkaPhase kafka;
    private final String jwtSecret;

    Treasury(BenchOptions options, WalletFixtures fixtures, GraphQlClient graphql, EventWatcher watcher,
             KafkaPhase kafka, String jwtSecret) {
        this.options = options;
        this.fixtures = fixtures;
        this.graphql = graphql;
        this.watcher = watcher;
        this.kafka = kafka;
        this.jwtSecret = jwtSecret;
    }

    /**
     * Splits the targets (wallet -> amount) over at least {@code minTreasuries} treasury wallets,
     * each receiving at most {@code maxDeposit} (the gateway's per-transaction maximum): largest
     * targets first, each to the least-filled treasury, one more treasury until every one fits.
     */
    static List<Bin> plan(Map<UUID, Long> targets, int minTreasuries, long maxDeposit) {
        List<Map.Entry<UUID, Long>> sorted = new ArrayList<>(targets.entrySet());
        sorted.sort(Map.Entry.<UUID, Long>comparingByValue(Comparator.reverseOrder()));
        for (Map.Entry<UUID, Long> t : sorted) {
            if (t.getValue() < 1 || t.getValue() > maxDeposit) {
                throw new IllegalArgumentException("a bench wallet needs " + t.getValue()
                        + " minor units, outside 1.." + maxDeposit + " (--max-deposit)");
            }
        }
        long total = sorted.stream().mapToLong(Map.Entry::getValue).sum();
        int n = (int) Math.max(Math.min(minTreasuries, sorted.size()), (total + maxDeposit - 1) / maxDeposit);
        while (true) {
            long[] sums = new long[n];
            List<List<Map.Entry<UUID, Long>>> bins = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                bins.add(new ArrayList<>());
            }
            boolean fits = true;
            for (Map.Entry<UUID, Long> t : sorted) {
                int least = 0;
                for (int i = 1; i < n; i++) {
                    if (sums[i] < sums[least]) {
                        least = i;
                    }
                }
                sums[least] += t.getValue();
                bins.get(least).add(t);
                fits &= sums[least] <= maxDeposit;
            }
            if (fits) {
                List<Bin> plan = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    plan.add(new Bin(sums[i], List.copyOf(bins.get(i))));
                }
                return plan;
            }
            n++;
        }
    }

    /** Deposits into new treasury wallets of {@code userId}, then transfers to each target its amount. */
    Funding fund(Map<UUID, Long> targets, String userId, BenchMain.Report report) throws Exception {
        List<Bin> plan = plan(targets, options.treasury(), options.maxDeposit());
        List<UUID> treasuries = fixtures.wallets(userId, plan.size());
        report.progress("funding: %d deposits through the gateway (%s at the Stripe emulator) into treasury wallets",
                plan.size(), PAYMENT_METHOD);
        Latency depositLatency = new Latency();
        long depositStart = System.nanoTime();
        deposit(treasuries, plan, userId, depositLatency);
        double depositSeconds = (System.nanoTime() - depositStart) / 1e9;
        report.progress("funding: %d deposits COMPLETED in %.1f s", plan.size(), depositSeconds);

        List<WalletFixtures.Transfer> transfers = spreading(treasuries, plan, userId);
        fixtures.insertPending(transfers);
        report.progress("warm-up: %d transfers from %d treasury wallets to the bench wallets (not measured)",
                transfers.size(), treasuries.size());
        PerSecond warmup = PerSecond.startingNow(Phases.WARMUP);
        int timeout = Math.max(options.timeoutSeconds(), transfers.size() / 10);
        KafkaPhase.Outcome outcome = kafka.run(transfers, warmup, timeout);
        if (outcome.completed() != transfers.size()) {
            throw new IllegalStateException("funding: " + outcome.completed() + " of " + transfers.size()
                    + " transfers COMPLETED, " + outcome.failed() + " failed, " + outcome.missing()
                    + " without a final event after " + timeout + " s");
        }
        return new Funding(plan.size(), depositSeconds, depositLatency, outcome, warmup);
    }

    private void deposit(List<UUID> treasuries, List<Bin> plan, String userId, Latency latency) throws Exception {
        String token = GatewayPhase.jwt(jwtSecret, userId);
        Map<UUID, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, String> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(plan.size(), options.concurrency()));
        for (int i = 0; i < plan.size(); i++) {
            UUID wallet = treasuries.get(i);
            long amount = plan.get(i).total();
            String key = userId + "-deposit-" + i;
            pool.execute(() -> {
                try {
                    long sent = System.nanoTime();
                    submittedAt.put(depositWithRetry(token, wallet, amount, key), sent);
                } catch (Exception e) {
                    errors.putIfAbsent("first", "deposit into " + wallet + ": " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(options.timeoutSeconds(), TimeUnit.SECONDS);
        pool.shutdownNow();
        if (!errors.isEmpty() || submittedAt.size() != plan.size()) {
            throw new IllegalStateException("funding: " + submittedAt.size() + " of " + plan.size()
                    + " deposits accepted; " + errors.getOrDefault("first", "timed out"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        while (System.nanoTime() < deadline && submittedAt.keySet().stream().anyMatch(id -> watcher.finalOf(id) == null)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        for (Map.Entry<UUID, Long> e : submittedAt.entrySet()) {
            EventWatcher.Final f = watcher.finalOf(e.getKey());
            if (f == null || !f.status().equals("COMPLETED")) {
                throw new IllegalStateException("funding: deposit " + e.getKey() + " is "
                        + (f == null ? "not final after " + options.timeoutSeconds() + " s" : f.status()));
            }
            latency.recordNanos(f.seenNanos() - e.getValue());
        }
    }

    /** A deposit, tried again after the gateway's retryAfterMs while it answers RATE_LIMITED (same idempotency key). */
    private UUID depositWithRetry(String token, UUID wallet, long amount, String key) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return graphql.deposit(token, wallet, amount, PAYMENT_METHOD, key);
            } catch (GraphQlClient.Refused e) {
                if (!e.code().equals("RATE_LIMITED") || attempt >= ATTEMPTS) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(Math.max(10, e.retryAfterMs()));
            }
        }
    }

    /** Every treasury's transfers, interleaved so that all treasuries (and partitions) are busy at once. */
    private static List<WalletFixtures.Transfer> spreading(List<UUID> treasuries, List<Bin> plan, String userId) {
        List<WalletFixtures.Transfer> transfers = new ArrayList<>();
        int longest = plan.stream().mapToInt(b -> b.targets().size()).max().orElse(0);
        for (int j = 0; j < longest; j++) {
            for (int i = 0; i < plan.size(); i++) {
                List<Map.Entry<UUID, Long>> targets = plan.get(i).targets();
                if (j < targets.size()) {
                    transfers.add(new WalletFixtures.Transfer(UUID.randomUUID(), treasuries.get(i),
                            targets.get(j).getKey(), targets.get(j).getValue(), userId));
                }
            }
        }
        return transfers;
    }
}
