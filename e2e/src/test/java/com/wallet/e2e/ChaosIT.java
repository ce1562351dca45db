package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.chaos.ChaosConfig;
import com.wallet.chaos.ChaosRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chaos run of {@code bin/wallet chaos} with a fixed seed and a minute of workload, against the
 * running system of {@code bin/wallet test} (two processors). Seed 5 plans a processor SIGKILL, a
 * lock holder paused past its lease and a dozen Stripe API and webhook faults
 * ({@code bin/wallet chaos --seed 5 --duration 60 --plan-only}). Leaves the system up and healthy.
 */
class ChaosIT {

    private static final long SEED = 5;

    @Test
    void keepsEveryMoneyRuleUnderASeededFaultSchedule() {
        Path repo = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();
        ChaosConfig config = ChaosConfig.local(SEED, Duration.ofSeconds(60), repo)
                .withQuiescenceTimeout(Duration.ofMinutes(6));

        ChaosRun.Outcome outcome = new ChaosRun(config, System.out).run();

        assertThat(outcome.violations()).as("violations of seed %d", SEED).isEmpty();
        assertThat(outcome.failures()).as("run failures of seed %d", SEED).isEmpty();
        assertThat(outcome.operations().keySet()).as("every accepted request is final")
                .allMatch(k -> !k.contains("NOT FINAL"))
                .anyMatch(k -> k.startsWith("transfer accepted -> COMPLETED"))
                .anyMatch(k -> k.startsWith("duplicate-key"));
        assertThat(outcome.faults()).containsKeys("processor-sigkill", "lock-holder-paused");
        awaitSystemHealthy(repo);
    }

    /** The e2e tests after this one need every service back. */
    private static void awaitSystemHealthy(Path repo) {
        HttpClient http = HttpClient.newHttpClient();
        await("every service healthy after the chaos run").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ports(repo).allMatch(port -> {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200 && r.body().contains("\"UP\"");
                    } catch (Exception e) {
                        return false;
                    }
                }));
    }

    private static Stream<Integer> ports(Path repo) throws java.io.IOException {
        try (Stream<Path> pids = Files.list(repo.resolve(".wallet/pids"))) {
            long processors = pids.filter(p -> p.getFileName().toString().matches("processor-\\d+\\.pid")).count();
            return Stream.concat(Stream.of(8080, 8082, 12111),
                    Stream.iterate(8081, p -> p + 10).limit(processors)).toList().stream();
        }
    }
}
