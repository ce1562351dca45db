package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system a run (test, bench, chaos) works against: the one this checkout's `bin/wallet up` started,
 * when its gateway is UP (a system from another checkout on the same ports would have other secrets),
 * else one the run starts with {@code bin/wallet up} and stops at its end, whatever happens: on return,
 * on a failure, and on Ctrl-C or TERM (a shutdown hook that first stops the program running, then the
 * system, and exits 130).
 */
final class SystemRun implements AutoCloseable {

    private final String what;
    private final Children children;
    private final PrintStream out;
    private final Map<String, String> env;
    private Settings settings;
    private Thread hook;
    private boolean stopped;

    SystemRun(String what, Settings settings, Children children, PrintStream out) {
        this.what = what;
        this.settings = settings;
        this.children = children;
        this.out = out;
        this.env = new LinkedHashMap<>(settings.env());
    }

    /** The environment handed to every child of this run (bash's exports). */
    Map<String, String> env() {
        return env;
    }

    Settings settings() {
        return settings;
    }

    void export(String name, String value) {
        env.put(name, value);
        settings = Settings.from(settings.root(), env);
    }

    /** The environment's value, else FALLBACK, exported (bash's {@code export X="${X:-FALLBACK}"}). */
    void exportDefault(String name, String fallback) {
        export(name, settings.value(name, fallback));
    }

    static boolean alreadyUp(Settings settings) {
        return new Processes(settings.pids()).pidOf("gateway").isPresent() && new Health().up(Settings.GATEWAY_PORT);
    }

    boolean alreadyUp() {
        return alreadyUp(settings);
    }

    /** From here on, the end of the run stops the system. */
    void stopAtEnd() {
        hook = new Thread(() -> {
            children.stop();
            stopSystem();
            System.out.flush();
            Runtime.getRuntime().halt(130);
        }, "stop-the-system");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code bin/wallet up} with this run's environment and EXTRA on top; true when it succeeded. */
    boolean up(Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> upEnv = new LinkedHashMap<>(env);
        upEnv.putAll(extra);
        return children.run(List.of(settings.root().resolve("bin/wallet").toString(), "up"), upEnv) == 0;
    }

    /** ENCRYPTION_SECRET_KEY and JWT_SECRET exported: the environment's, else the local ones (generated once). */
    LocalSecrets exportSecrets() throws IOException {
        LocalSecrets secrets = Secrets.ensure(settings, new PrintStream(PrintStream.nullOutputStream()));
        export(Secrets.ENCRYPTION, secrets.encryptionKey());
        export(Secrets.JWT, secrets.jwtSecret());
        return secrets;
    }

    /**
     * A run that judges the whole system with bin/wallet check starts it on only its own history: a fresh
     * database DB, and, when this checkout's broker and emulator are not running, a fresh Kafka log and
     * emulator state (both kept per database name).
     */
    void freshState(String db) {
        export("DATABASE_URL", "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + db);
        out.println("==> a fresh database for this run: " + db);
        new Database(settings, out).drop(db);
        Processes processes = new Processes(settings.pids());
        Path kafkaData = settings.state().resolve("kafka").resolve("data-" + settings.databaseName());
        boolean kafkaRuns = processes.pidOf("kafka").isPresent();
        if (kafkaRuns) {
            System.err.println("wallet: kafka is already running: this run shares its topics' history");
        } else if (Files.isDirectory(kafkaData)) {
            out.println("==> a fresh Kafka log for this run (.wallet/kafka/data-" + db + ")");
            delete(kafkaData);
        }
        if (!kafkaRuns) {
            delete(settings.streamsStateDir());
        }
        Path emulator = settings.emulatorStateFile();
        if (processes.pidOf("stripe-emulator").isPresent()) {
            System.err.println("wallet: the Stripe emulator is already running: this run shares its objects");
        } else if (Files.isRegularFile(emulator)) {
            out.println("==> a fresh Stripe emulator state for this run (.wallet/stripe-emulator/state-" + db + ".jsonl)");
            delete(emulator);
            delete(emulator.resolveSibling(emulator.getFileName() + ".tmp"));
        }
    }

    private synchronized void stopSystem() {
        if (stopped) {
            return;
        }
        stopped = true;
        out.println("==> stopping the system this " + what + " run started");
        try {
            DownCommand.down(new Processes(settings.pids()), settings.pids(), DownCommand.GRACE, out, System.err);
        } catch (IOException e) {
            System.err.println("wallet: bin/wallet down failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return;   // shutting down: the hook stops it
        }
        stopSystem();
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
