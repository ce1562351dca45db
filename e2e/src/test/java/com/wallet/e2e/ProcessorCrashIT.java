package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A processor killed with SIGKILL while transfers are flowing: nothing accepted is lost, nothing is
 * applied twice, and every state change reaches wallet.transactions (contract section 6, rules 3, 4, 6).
 */
class ProcessorCrashIT {

    private final WalletApi api = new WalletApi();
    private final Ledger ledger = new Ledger();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path repo = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();

    @Test
    void transfersSurviveAProcessorKilledMidStream() throws Exception {
        String user = api.token("crash-" + UUID.randomUUID(), false);
        String source = api.createWallet(user, "USD");
        api.fund(user, source, 10_000);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            targets.add(api.createWallet(user, "USD"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                String target = targets.get(i % targets.size());
                submitted.add(pool.submit(() -> api.transfer(user, source, target, 25, null).path("id").asString()));
                if (i == 20) {
                    killLastProcessor();
                }
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : submitted) {
                ids.add(f.get());
            }
            restartProcessors();

            for (String id : ids) {
                assertThat(api.awaitFinal(user, id).path("status").asString()).isEqualTo("COMPLETED");
            }
            assertThat(api.balance(user, source)).isEqualTo(10_000 - 80 * 25);
            List<String> all = new ArrayList<>(targets);
            all.add(source);
            ledger.assertConsistent(all.toArray(String[]::new));
            for (String id : ids) {
                assertThat(ledger.postingsOf(id)).as("postings of %s", id).isEqualTo(2);
            }
            assertEveryStateChangeWasPublished(Set.copyOf(ids));
        } finally {
            pool.shutdownNow();
            restartProcessors();
        }
    }

    /** Each transaction has its PENDING and COMPLETED events (delivery is at least once: distinct event ids). */
    private void assertEveryStateChangeWasPublished(Set<String> ids) {
        await("PENDING and COMPLETED of every transfer on wallet.transactions")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Map<String, String>> eventIdsByStatus = new HashMap<>();
                    for (ConsumerRecord<String, String> r : Topics.read("wallet.transactions",
                            r -> ids.stream().anyMatch(r.value()::contains))) {
                        JsonNode e = json.readTree(r.value());
                        String previous = eventIdsByStatus
                                .computeIfAbsent(e.path("transactionId").asString(), k -> new HashMap<>())
                                .putIfAbsent(e.path("status").asString(), e.path("eventId").asString());
                        assertThat(previous == null || previous.equals(e.path("eventId").asString()))
                                .as("one state change, one event id").isTrue();
                    }
                    assertThat(eventIdsByStatus).hasSize(ids.size());
                    eventIdsByStatus.values().forEach(byStatus ->
                            assertThat(byStatus.keySet()).containsExactlyInAnyOrder("PENDING", "COMPLETED"));
                });
    }

    private void killLastProcessor() throws IOException, InterruptedException {
        Path pidFile = processorPidFiles().get(processorPidFiles().size() - 1);
        String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -9 %s", pidFile.getFileName()).isZero();
    }

    private void restartProcessors() throws IOException, InterruptedException {
        ProcessBuilder up = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "up")
                .directory(repo.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        up.environment().put("PROCESSOR_INSTANCES", String.valueOf(Math.max(1, processorPidFiles().size())));
        assertThat(up.start().waitFor()).as("bin/wallet up after the crash").isZero();
    }

    private List<Path> processorPidFiles() throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve(".wallet/pids"))) {
            return files.filter(p -> p.getFileName().toString().matches("processor-\\d+\\.pid")).sorted().toList();
        }
    }
}
