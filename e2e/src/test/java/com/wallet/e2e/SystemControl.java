package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The running system's processes as an operator sees them: the processors started by bin/wallet
 * (pid files, logs, /actuator/prometheus) and the machine's PostgreSQL and Redis, stopped and
 * started with the commands of the platform notes.
 */
final class SystemControl {

    private static final Pattern COUNTER = Pattern.compile(
            "^wallet_commands_processed_total\\{([^}]*)}\\s+([0-9.Ee+-]+)$");

    private final Path repo = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Processor instances started by bin/wallet up, numbered from 1. */
    int processorCount() {
        return processorPidFiles().size();
    }

    long processorPid(int instance) {
        try {
            return Long.parseLong(Files.readString(repo.resolve(".wallet/pids/processor-" + instance + ".pid"),
                    StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for processor-" + instance, e);
        }
    }

    int processorPort(int instance) {
        return 8081 + 10 * (instance - 1);
    }

    String processorLog(int instance) {
        try {
            return Files.readString(repo.resolve(".wallet/logs/processor-" + instance + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the log of processor-" + instance, e);
        }
    }

    /** Sends a signal (TERM, KILL) to a processor and waits until the process is gone. */
    void signalProcessor(int instance, String signal) {
        long pid = processorPid(instance);
        run("kill", "-" + signal, Long.toString(pid));
        await("processor-" + instance + " (pid " + pid + ") exits after SIG" + signal)
                .atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** bin/wallet up: restarts whatever is missing, with the same number of processors. */
    void restartMissing(int processors) {
        try {
            ProcessBuilder up = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "up")
                    .directory(repo.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            up.environment().put("PROCESSOR_INSTANCES", String.valueOf(Math.max(1, processors)));
            assertThat(up.start().waitFor()).as("bin/wallet up").isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sum of {@code wallet_commands_processed_total} on one processor for these outcomes (COMPLETED,
     * FAILED = applied; DUPLICATE = a redelivery of committed work); 0 when it does not answer.
     */
    double commandsProcessed(int instance, String... outcomes) {
        String body;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + processorPort(instance) + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            body = r.body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double sum = 0;
        for (String line : body.split("\n")) {
            Matcher m = COUNTER.matcher(line.trim());
            if (m.matches()) {
                for (String outcome : outcomes) {
                    if (m.group(1).contains("outcome=\"" + outcome + "\"")) {
                        sum += Double.parseDouble(m.group(2));
                    }
                }
            }
        }
        return sum;
    }

    /**
     * The status of one component of a service's /actuator/health (e.g. 8081, "db"), asserting it
     * answered within 3 s (the checks are time-boxed to 2 s even when the dependency hangs).
     */
    String health(int port, String component) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/" + component))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("health of %s on %s answered in", component, port)
                    .isLessThan(Duration.ofSeconds(3));
            Matcher m = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"").matcher(r.body());
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double applied(int instance) {
        return commandsProcessed(instance, "COMPLETED", "FAILED");
    }

    /** SIGTERM to the broker bin/wallet started; {@link #restartMissing} starts it again. */
    void stopKafka() {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(repo.resolve(".wallet/pids/kafka.pid"), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for kafka", e);
        }
        run("kill", "-TERM", Long.toString(pid));
        await("kafka (pid " + pid + ") exits").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    void stopPostgres() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "fast");
    }

    /** Always called in a finally: the machine's PostgreSQL serves others too. */
    void startPostgres() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start");
    }

    void stopRedis() {
        run("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave");
    }

    /** Always called in a finally: the machine's Redis serves others too. */
    void startRedis() {
        run("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
                "--save", "", "--appendonly", "no");
    }

    private String postgresVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster in /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> processorPidFiles() {
        try (Stream<Path> files = Files.list(repo.resolve(".wallet/pids"))) {
            return files.filter(p -> p.getFileName().toString().matches("processor-\\d+\\.pid")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String text, String containing) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.contains(containing)) {
                found.add(line);
            }
        }
        return found;
    }
}
