package com.wallet.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The seeded workload through the public API: {@link #USERS} users with {@link #WALLETS_PER_USER}
 * wallets each, the first {@link #HOT_WALLETS} hot. Operations come from the {@link OperationStream}
 * at a fixed rate; a request without a usable answer is sent again with the same idempotency key
 * (as a client would), and every accepted transaction is remembered for {@link Quiescence}.
 */
final class Workload {

    static final int USERS = 4;
    static final int WALLETS_PER_USER = 4;
    static final int HOT_WALLETS = 3;
    private static final long FUNDING = 200_000;
    private static final long RETRY_FOR_NANOS = TimeUnit.SECONDS.toNanos(150);

    record Wallet(String id, String token) {
    }

    /** An accepted request, to be followed until it is final. */
    record Tracked(String transactionId, String token, String kind) {
    }

    private final WalletClient api;
    private final EmulatorClient emulator;
    private final ChaosReport report;
    private final PrintStream log;
    private final String runId;
    private final OperationStream stream;
    private final List<Wallet> wallets = new ArrayList<>();
    private final Map<String, Tracked> accepted = new ConcurrentHashMap<>();
    /** 3-D Secure deposits still to be authenticated: transaction id -> the seeded outcome. */
    private final Map<String, Boolean> awaitingAuthentication = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean stopping;
    private ExecutorService workers;

    Workload(WalletClient api, EmulatorClient emulator, ChaosReport report, PrintStream log, String runId, long seed) {
        this.api = api;
        this.emulator = emulator;
        this.report = report;
        this.log = log;
        this.runId = runId;
        this.stream = new OperationStream(seed, USERS * WALLETS_PER_USER);
    }

    /** Creates the wallets and funds each by card (before any fault). */
    void setUp() {
        for (int u = 0; u < USERS; u++) {
            String token = api.token(runId + "-u" + u);
            for (int w = 0; w < WALLETS_PER_USER; w++) {
                WalletClient.Answer answer = retrying(() -> api.createWallet(token));
                if (!(answer instanceof WalletClient.Accepted created)) {
                    throw new IllegalStateException("createWallet failed: " + answer);
                }
                wallets.add(new Wallet(created.id(), token));
            }
        }
        for (int i = 0; i < wallets.size(); i++) {
            Wallet wallet = wallets.get(i);
            String key = runId + "-fund-" + i;
            track("funding", retrying(() -> api.deposit(wallet.token(), wallet.id(), FUNDING, "pm_card_visa", key)),
                    wallet.token());
        }
        log.printf("chaos: %d wallets of %d users created and funded (%d hot)%n", wallets.size(), USERS, HOT_WALLETS);
    }

    List<Wallet> wallets() {
        return List.copyOf(wallets);
    }

    /** Starts {@code threads} workers taking the operations in order, at most {@code perSecond} a second. */
    void start(int threads, double perSecond) {
        workers = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.execute(() -> {
                while (!stopping) {
                    int index = next.getAndIncrement();
                    Pause.until(start + (long) (index * 1e9 / perSecond));
                    if (stopping) {
                        break;
                    }
                    execute(stream.get(index));
                }
            });
        }
    }

    /** Stops taking new operations; waits for the requests in flight (and their retries). */
    void stop() throws InterruptedException {
        stopping = true;
        if (workers != null) {
            workers.shutdown();
            if (!workers.awaitTermination(RETRY_FOR_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS)) {
                report.failure("workload workers did not finish their requests");
                workers.shutdownNow();
            }
        }
    }

    int operationsStarted() {
        return Math.min(next.get(), Integer.MAX_VALUE);
    }

    Map<String, Tracked> accepted() {
        return Map.copyOf(accepted);
    }

    /**
     * Transfers from {@code count} other wallets into hot wallet {@code hot}, all at once: the lock
     * holder of the hot wallet is what the lock-pause fault pauses.
     */
    List<Future<?>> burstInto(int hot, long seed, int count) {
        ExecutorService burst = Executors.newFixedThreadPool(count);
        Random random = new Random(seed);
        List<Future<?>> sent = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int from = HOT_WALLETS + random.nextInt(wallets.size() - HOT_WALLETS);
            long amount = 1 + random.nextInt(100);
            int n = k;
            sent.add(burst.submit(() -> {
                Wallet source = wallets.get(from);
                String key = runId + "-burst-" + Long.toHexString(seed) + "-" + n;
                track("transfer(lock-burst)", retrying(() -> api.transfer(source.token(), source.id(),
                        wallets.get(hot).id(), amount, key)), source.token());
            }));
        }
        burst.shutdown();
        return sent;
    }

    /** Finishes 3-D Secure of the deposits that now have a PaymentIntent (called until quiescence). */
    void authenticatePending() {
        for (Map.Entry<String, Boolean> e : awaitingAuthentication.entrySet()) {
            Tracked tracked = accepted.get(e.getKey());
            JsonNode tx = tracked == null ? null : api.transaction(tracked.token(), e.getKey());
            if (tx == null) {
                continue;
            }
            String status = tx.path("status").asString("");
            String paymentIntent = tx.path("stripePaymentIntentId").asString("");
            if (!status.equals("PENDING") && !status.equals("PROCESSING")) {
                awaitingAuthentication.remove(e.getKey());
            } else if (!paymentIntent.isEmpty()) {
                try {
                    if (emulator.authenticate(paymentIntent, e.getValue())) {
                        awaitingAuthentication.remove(e.getKey());
                        report.operation("3ds-authentication", e.getValue() ? "completed by the customer" : "refused by the customer");
                    }
                } catch (IOException ignored) {
                    // the emulator is briefly unreachable: next round
                }
            }
        }
    }

    private void execute(Operation op) {
        String key = runId + "-op" + op.index();
        Request request;
        String token;
        if (op instanceof Operation.Deposit d) {
            Wallet w = wallets.get(d.wallet());
            token = w.token();
            request = () -> api.deposit(w.token(), w.id(), d.amount(), d.paymentMethod(), key);
        } else if (op instanceof Operation.Transfer t) {
            Wallet from = wallets.get(t.from());
            Wallet to = wallets.get(t.to());
            token = from.token();
            request = () -> api.transfer(from.token(), from.id(), to.id(), t.amount(), key);
        } else if (op instanceof Operation.Withdrawal w) {
            Wallet wallet = wallets.get(w.wallet());
            token = wallet.token();
            request = () -> api.withdraw(wallet.token(), wallet.id(), w.amount(), key);
        } else {
            throw new IllegalStateException("unhandled operation " + op);
        }
        WalletClient.Answer answer = retrying(request);
        track(op.kind(), answer, token);
        if (answer instanceof WalletClient.Accepted first) {
            if (op instanceof Operation.Deposit d && d.paymentMethod().equals("pm_card_threeDSecure2Required")) {
                awaitingAuthentication.put(first.id(), d.authenticate());
            }
            if (op.duplicate()) {
                WalletClient.Answer again = retrying(request);
                if (again instanceof WalletClient.Accepted second) {
                    if (second.id().equals(first.id())) {
                        report.operation("duplicate-key " + op.kind().split("/")[0], "same transaction");
                    } else {
                        report.violation("idempotency: key " + key + " answered transaction " + first.id()
                                + " then " + second.id());
                    }
                } else {
                    report.violation("idempotency: key " + key + " accepted as " + first.id() + ", then answered " + again);
                }
            }
        }
    }

    private void track(String kind, WalletClient.Answer answer, String token) {
        if (answer instanceof WalletClient.Accepted a) {
            accepted.put(a.id(), new Tracked(a.id(), token, kind));
        } else if (answer instanceof WalletClient.Refused r) {
            report.operation(kind, "refused " + r.code());
        } else if (answer instanceof WalletClient.Unanswered u) {
            report.operation(kind, "unanswered " + u.reason());
            report.failure(kind + ": no answer within " + TimeUnit.NANOSECONDS.toSeconds(RETRY_FOR_NANOS)
                    + " s of retries (" + u.reason() + ")");
        } else {
            throw new IllegalStateException("unhandled answer " + answer);
        }
    }

    private interface Request {
        WalletClient.Answer send();
    }

    /** Sends again (same key) while there is no usable answer, backing off 0.5 s .. 5 s. */
    private static WalletClient.Answer retrying(Request request) {
        long deadline = System.nanoTime() + RETRY_FOR_NANOS;
        long backoff = 500;
        WalletClient.Answer answer = request.send();
        while (answer instanceof WalletClient.Unanswered && System.nanoTime() < deadline) {
            Pause.millis(backoff);
            backoff = Math.min(5_000, backoff * 2);
            answer = request.send();
        }
        return answer;
    }
}
