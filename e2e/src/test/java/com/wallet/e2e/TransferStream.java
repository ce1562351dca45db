package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stream of transfers among many wallets (so over many wallet.commands partitions and both
 * processors), each with its own idempotency key and retried with that key until the gateway
 * accepts it, so a fault that makes the gateway fail or time out (a database outage) loses none.
 * Every wallet starts with 1,000 and sends at most 10 x 25, so no transfer can be refused, and
 * the final balance of each wallet is known exactly.
 */
final class TransferStream implements AutoCloseable {

    static final long START = 1_000;
    static final long AMOUNT = 25;

    private final WalletApi api;
    private final Ledger ledger = new Ledger();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private final List<Future<String>> submitted = new ArrayList<>();
    private final List<String[]> planned = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final String user;
    private final List<String> wallets = new ArrayList<>();

    TransferStream(WalletApi api, String name, int walletCount) {
        this.api = api;
        this.user = api.token(name + "-" + UUID.randomUUID(), false);
        String bank = api.createWallet(user, "USD");
        api.fund(user, bank, START * walletCount);
        List<String> funding = new ArrayList<>();
        for (int i = 0; i < walletCount; i++) {
            String wallet = api.createWallet(user, "USD");
            wallets.add(wallet);
            funding.add(api.transfer(user, bank, wallet, START, null).path("id").asString());
        }
        for (String id : funding) {
            assertThat(api.awaitFinal(user, id).path("status").asString()).isEqualTo("COMPLETED");
        }
    }

    /** Queues {@code count} more transfers (wallet i sends to wallet i+1+k), submitted by 6 client threads. */
    void submit(int count) {
        for (int n = 0; n < count; n++) {
            int index = planned.size();
            String from = wallets.get(index % wallets.size());
            String to = wallets.get((index + 1 + index / wallets.size()) % wallets.size());
            if (from.equals(to)) {
                to = wallets.get((index + 1) % wallets.size());
            }
            String key = "stream-" + UUID.randomUUID();
            planned.add(new String[] {from, to});
            String target = to;
            submitted.add(pool.submit(() -> acceptedId(from, target, key)));
        }
    }

    int acceptedSoFar() {
        return accepted.get();
    }

    int size() {
        return planned.size();
    }

    /** Retries with the same idempotency key until the gateway answers with the transaction. */
    private String acceptedId(String from, String to, String key) {
        String[] id = new String[1];
        await("transfer " + key + " accepted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    WalletApi.Response r = api.transferCall(user, from, to, AMOUNT, key);
                    if (r.status() == 200 && !r.body().has("errors")) {
                        id[0] = r.body().path("data").path("transfer").path("id").asString();
                        return true;
                    }
                    return false;
                });
        accepted.incrementAndGet();
        return id[0];
    }

    /** Every planned transfer accepted once, COMPLETED once, with exact balances and one event per state change. */
    void assertEveryTransferCompletedExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Future<String> f : submitted) {
            ids.add(f.get());
        }
        assertThat(Set.copyOf(ids)).as("one transaction per idempotency key").hasSize(planned.size());
        for (String id : ids) {
            assertThat(api.awaitFinal(user, id).path("status").asString()).as("status of %s", id).isEqualTo("COMPLETED");
        }
        Map<String, Long> expected = new HashMap<>();
        wallets.forEach(w -> expected.put(w, START));
        for (String[] t : planned) {
            expected.merge(t[0], -AMOUNT, Long::sum);
            expected.merge(t[1], AMOUNT, Long::sum);
        }
        for (String wallet : wallets) {
            assertThat(api.balance(user, wallet)).as("balance of %s", wallet).isEqualTo(expected.get(wallet));
        }
        ledger.assertConsistent(wallets.toArray(String[]::new));
        for (String id : ids) {
            assertThat(ledger.postingsOf(id)).as("ledger entries of %s", id).isEqualTo(2);
        }
        assertEveryStateChangePublishedOnce(Set.copyOf(ids));
    }

    /** PENDING and COMPLETED of each transfer on wallet.transactions, each with one event id (re-sends repeat it). */
    private void assertEveryStateChangePublishedOnce(Set<String> ids) {
        await("PENDING and COMPLETED of every transfer on wallet.transactions")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Map<String, String>> eventIdsByStatus = new HashMap<>();
                    for (ConsumerRecord<String, String> r : Topics.read("wallet.transactions",
                            r -> ids.stream().anyMatch(r.value()::contains))) {
                        JsonNode e = json.readTree(r.value());
                        String transaction = e.path("transactionId").asString();
                        if (!ids.contains(transaction)) {
                            continue;
                        }
                        String previous = eventIdsByStatus.computeIfAbsent(transaction, k -> new HashMap<>())
                                .putIfAbsent(e.path("status").asString(), e.path("eventId").asString());
                        assertThat(previous == null || previous.equals(e.path("eventId").asString()))
                                .as("one state change of %s, one event id", transaction).isTrue();
                    }
                    assertThat(eventIdsByStatus).hasSize(ids.size());
                    eventIdsByStatus.values().forEach(byStatus ->
                            assertThat(byStatus.keySet()).containsExactlyInAnyOrder("PENDING", "COMPLETED"));
                });
    }

    List<String> wallets() {
        return Collections.unmodifiableList(wallets);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
