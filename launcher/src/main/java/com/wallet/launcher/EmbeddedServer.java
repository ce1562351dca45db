package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL or Redis (module local-services) where the machine has none: started detached
 * as the services are (.wallet/pids/local-KIND.pid, .wallet/logs/local-KIND.log, data in .wallet/pg or
 * .wallet/redis), ready once its log holds the READY line; {@code down} stops it last.
 */
final class EmbeddedServer {

    static final int READY_SECONDS = 120;

    private final Settings settings;
    private final Processes processes;
    private final Logs logs;
    private final PrintStream out;

    EmbeddedServer(Settings settings, Processes processes, Logs logs, PrintStream out) {
        this.settings = settings;
        this.processes = processes;
        this.logs = logs;
        this.out = out;
    }

    enum Kind {
        POSTGRES("postgres", "PostgreSQL", "pg", 5432), REDIS("redis", "Redis", "redis", 6379);

        final String arg;
        final String label;
        private final String dataDir;
        private final int defaultPort;

        Kind(String arg, String label, String dataDir, int defaultPort) {
            this.arg = arg;
            this.label = label;
            this.dataDir = dataDir;
            this.defaultPort = defaultPort;
        }

        /**
         * .wallet/pg (or redis) on the usual port, .wallet/pg-PORT on any other: a server on another
         * port (the embedded smoke test's) never touches, or wipes, the data of the usual one.
         */
        String dataDir(int port) {
            return port == defaultPort ? dataDir : dataDir + "-" + port;
        }

        String processName() {
            return "local-" + arg;
        }

        static Kind of(String arg) {
            for (Kind k : values()) {
                if (k.arg.equals(arg)) {
                    return k;
                }
            }
            throw new LauncherException("embedded-up takes postgres or redis (got '" + arg + "')");
        }
    }

    /** 256 MB: zonky unpacks the PostgreSQL binaries in memory on the first start. */
    List<String> command(Kind kind, int port) {
        return List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                settings.jar("local-services").toString(), kind.arg, "--port", String.valueOf(port),
                "--data", settings.state().resolve(kind.dataDir(port)).toString());
    }

    /** Starts it unless it runs, waits for its READY line and prints what answers ("PostgreSQL: embedded ..."). */
    void up(Kind kind, int port) throws IOException, InterruptedException {
        up(kind, port, command(kind, port), READY_SECONDS);
    }

    void up(Kind kind, int port, List<String> command, int readySeconds) throws IOException, InterruptedException {
        String name = kind.processName();
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.pids());
        if (processes.pidOf(name).isEmpty()) {
            out.println("==> nothing answers on 127.0.0.1:" + port + ": starting an embedded " + kind.label + " (local-services)");
            Files.writeString(logs.of(name), "");
            Process server = Processes.startDetached(command, Map.of(), logs.of(name), null);
            Files.writeString(processes.pidFile(name), server.pid() + "\n");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readySeconds);
        Optional<String> ready;
        while ((ready = readyLine(name)).isEmpty()) {
            OptionalLong pid = processes.pidOf(name);
            if (pid.isEmpty()) {
                processes.forget(name);
                logs.printTail(name, 30, System.err);
                throw new LauncherException("the embedded " + kind.label + " exited during start-up"
                        + LikelyCause.suffix(logs, new LikelyCause.Context(name, port, settings)));
            }
            if (System.nanoTime() - deadline >= 0) {
                logs.printTail(name, 30, System.err);
                throw new LauncherException("the embedded " + kind.label + " was not ready within " + readySeconds + " s");
            }
            Thread.sleep(500);
        }
        out.println(kind.label + ": " + ready.get());
    }

    /** The READY line's description ("embedded (15.x) at 127.0.0.1:PORT, data .wallet/pg"), paths relative to the root. */
    Optional<String> readyLine(String name) {
        Path log = logs.of(name);
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(log).stream().filter(l -> l.startsWith("READY ")).findFirst()
                    .map(l -> l.replaceFirst("^READY [^:]*: ", "").replace(settings.root() + "/", ""));
        } catch (IOException e) {
            return Optional.empty();   // being written: not ready yet
        }
    }
}
