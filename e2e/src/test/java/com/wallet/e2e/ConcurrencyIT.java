package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Concurrency through the public API against the running system, which bin/wallet test starts with
 * two processor instances in one consumer group.
 */
class ConcurrencyIT {

    private final WalletApi api = new WalletApi();
    private final Ledger ledger = new Ledger();

    @Test
    void fiftyConcurrentTransfersOfOneHundredFromAWalletHoldingOneThousandCompleteExactlyTen() throws Exception {
        String owner = api.token("spender-" + UUID.randomUUID(), false);
        String source = api.createWallet(owner, "USD");
        api.fund(owner, source, 1_000);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            targets.add(api.createWallet(api.token("payee-" + UUID.randomUUID(), false), "USD"));
        }

        List<Callable<String>> submissions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String target = targets.get(i % targets.size());
            submissions.add(() -> api.transfer(owner, source, target, 100, null).path("id").asString());
        }
        List<String> ids = runConcurrently(submissions);
        Map<String, Long> outcomes = ids.stream()
                .map(id -> api.awaitFinal(owner, id))
                .collect(Collectors.groupingBy(ConcurrencyIT::outcome, Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "COMPLETED", 10L, "FAILED:INSUFFICIENT_FUNDS", 40L));
        assertThat(api.balance(owner, source)).isZero();
        List<String> all = new ArrayList<>(targets);
        all.add(source);
        ledger.assertConsistent(all.toArray(String[]::new));
        long received = 0;
        for (String target : targets) {
            received += api.ok(api.token("admin-" + UUID.randomUUID(), true), "getWallet",
                    "query($id: String!) { getWallet(id: $id) { balance } }", Map.of("id", target))
                    .path("balance").asLong();
        }
        assertThat(received).isEqualTo(1_000);
    }

    @Test
    void walletsSendingToEachOtherInBothDirectionsAllFinishWithoutDeadlock() throws Exception {
        String user = api.token("pingpong-" + UUID.randomUUID(), false);
        String a = api.createWallet(user, "USD");
        String b = api.createWallet(user, "USD");
        api.fund(user, a, 2_000);
        api.fund(user, b, 2_000);

        List<Callable<String>> submissions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            submissions.add(() -> api.transfer(user, a, b, 10, null).path("id").asString());
            submissions.add(() -> api.transfer(user, b, a, 20, null).path("id").asString());
        }
        List<String> ids = runConcurrently(submissions);
        Map<String, Long> outcomes = ids.stream()
                .map(id -> api.awaitFinal(user, id))
                .collect(Collectors.groupingBy(ConcurrencyIT::outcome, Collectors.counting()));

        assertThat(outcomes).containsExactly(Map.entry("COMPLETED", 60L));
        assertThat(api.balance(user, a)).isEqualTo(2_000 - 30 * 10 + 30 * 20);
        assertThat(api.balance(user, b)).isEqualTo(2_000 + 30 * 10 - 30 * 20);
        ledger.assertConsistent(a, b);
    }

    private static String outcome(JsonNode tx) {
        String status = tx.path("status").asString();
        return "FAILED".equals(status) ? status + ":" + tx.path("failureReason").asString() : status;
    }

    private static List<String> runConcurrently(List<Callable<String>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

}
