package com.wallet.chaos;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the parts of the system bin/wallet up started (by its pid files) and the
 * machine's PostgreSQL and Redis. Whatever it stops is remembered until it is up again, and
 * {@link #restoreAll()} (finally blocks, the JVM shutdown hook) starts it whatever happened.
 */
final class SystemControl {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);

    private final Path repo;
    private final int processors;
    private final PrintStream log;
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    int processors() {
        return processors;
    }

    SystemControl(Path repo, int processors, PrintStream log) {
        this.repo = repo;
        this.processors = processors;
        this.log = log;
    }

    /** How many processor instances the running system has (its pid files). */
    static int runningProcessors(Path repo) {
        File[] files = repo.resolve(".wallet/pids").toFile().listFiles((d, n) -> n.matches("processor-\\d+\\.pid"));
        return files == null ? 0 : files.length;
    }

    static int processorPort(int instance) {
        return 8081 + 10 * (instance - 1);
    }

    /** Stops a component bin/wallet up started: SIGKILL when {@code kill}, else SIGTERM (and waits). */
    void stop(String name, boolean kill) throws IOException {
        ProcessHandle process = process(name).orElseThrow(() -> new IOException(name + " is not running"));
        down.add(name);
        log.printf("chaos: %s %s (pid %d)%n", kill ? "SIGKILL" : "SIGTERM", name, process.pid());
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** bin/wallet up with the run's PROCESSOR_INSTANCES: starts what is missing, waits until healthy. */
    synchronized void up() throws IOException {
        Path logFile = repo.resolve(".wallet/logs/chaos-up.log");
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "up")
                .directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("PROCESSOR_INSTANCES", Integer.toString(processors));
        builder.environment().put("WALLET_NO_BUILD", "1");   // restart what runs, never rebuild mid-run
        builder.environment().putIfAbsent("WALLET_UP_TIMEOUT", "420");   // a loaded 2-core machine starts slowly
        if (run(builder, UP_TIMEOUT) != 0) {
            throw new IOException("bin/wallet up failed (see .wallet/logs/chaos-up.log)");
        }
        down.removeIf(n -> n.startsWith("processor-") || n.equals("kafka") || n.equals("gateway")
                || n.equals("webhook-ingest") || n.equals("stripe-emulator"));
    }

    void stopRedis() throws IOException {
        down.add("redis");
        log.println("chaos: stopping Redis");
        run(new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"), Duration.ofSeconds(20));
        awaitPort(6379, false, Duration.ofSeconds(20));
    }

    void startRedis() throws IOException {
        log.println("chaos: starting Redis");
        if (!portOpen(6379)) {
            run(new ProcessBuilder("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
                    "--save", "", "--appendonly", "no"), Duration.ofSeconds(20));
        }
        if (!awaitPort(6379, true, Duration.ofSeconds(20))) {
            throw new IOException("Redis did not come back on 6379");
        }
        down.remove("redis");
    }

    void stopPostgres() throws IOException {
        down.add("postgres");
        log.println("chaos: stopping PostgreSQL");
        run(new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "fast"),
                Duration.ofSeconds(60));
    }

    void startPostgres() throws IOException {
        log.println("chaos: starting PostgreSQL");
        if (!portOpen(5432)) {
            run(new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"),
                    Duration.ofSeconds(60));
        }
        if (!awaitPort(5432, true, Duration.ofSeconds(60))) {
            throw new IOException("PostgreSQL did not come back on 5432");
        }
        down.remove("postgres");
    }

    /** Starts everything still stopped: PostgreSQL and Redis first, then bin/wallet up. */
    synchronized void restoreAll() {
        List<String> problems = new ArrayList<>();
        if (down.contains("postgres") || !portOpen(5432)) {
            attempt(this::startPostgres, problems);
        }
        if (down.contains("redis") || !portOpen(6379)) {
            attempt(this::startRedis, problems);
        }
        if (!down.isEmpty() || !allRunning()) {
            attempt(this::up, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("could not restore the system: " + problems);
        }
    }

    Set<String> down() {
        return Set.copyOf(down);
    }

    private boolean allRunning() {
        for (int i = 1; i <= processors; i++) {
            if (process("processor-" + i).isEmpty()) {
                return false;
            }
        }
        return process("kafka").isPresent() && process("gateway").isPresent();
    }

    private interface Step {
        void run() throws IOException;
    }

    private void attempt(Step step, List<String> problems) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        }
    }

    Optional<ProcessHandle> process(String name) {
        try {
            long pid = Long.parseLong(Files.readString(repo.resolve(".wallet/pids/" + name + ".pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String postgresVersion() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).max(String::compareTo)
                    .orElseThrow(() -> new IOException("no PostgreSQL cluster under /etc/postgresql"));
        }
    }

    private static int run(ProcessBuilder builder, Duration timeout) throws IOException {
        if (builder.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(builder.command() + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitPort(int port, boolean open, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (portOpen(port) == open) {
                return true;
            }
            Pause.millis(200);
        }
        return false;
    }
}
