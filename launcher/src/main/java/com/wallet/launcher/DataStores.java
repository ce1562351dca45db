package com.wallet.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL and Redis for `up`, `migrate`, `test`, `bench` and `chaos`: whatever answers on their port
 * (from DATABASE_URL and REDIS_URL); else the machine's own, started where installed but stopped; else the
 * embedded ones (module local-services; WALLET_EMBEDDED=1: always those). Each says which it uses.
 * The machine's own are never stopped here: other programs may use them.
 */
final class DataStores {

    /** Where a store comes from, decided before anything is started. */
    enum Choice {
        /** Something answers on the port already. */
        ANSWERING,
        /** The machine's own, installed but stopped: start it. */
        MACHINE,
        /** Nothing here: the embedded one. */
        EMBEDDED,
        /** PostgreSQL on another host that does not answer: nothing to start. */
        ABSENT
    }

    static final Path ETC_POSTGRESQL = Path.of("/etc/postgresql");

    private final Settings settings;
    private final Build build;
    private final PrintStream out;

    DataStores(Settings settings, Build build, PrintStream out) {
        this.settings = settings;
        this.build = build;
        this.out = out;
    }

    static Choice postgres(boolean answering, boolean embeddedOnly, Optional<String> machineVersion, String host) {
        if (answering) {
            return Choice.ANSWERING;
        }
        if (!embeddedOnly && machineVersion.isPresent()) {
            return Choice.MACHINE;
        }
        return host.equals("127.0.0.1") || host.equals("localhost") ? Choice.EMBEDDED : Choice.ABSENT;
    }

    /** The machine's Redis is the one on its default port; elsewhere the embedded one. */
    static Choice redis(boolean answering, boolean embeddedOnly, int port, boolean installed) {
        if (answering) {
            return Choice.ANSWERING;
        }
        return !embeddedOnly && port == 6379 && installed ? Choice.MACHINE : Choice.EMBEDDED;
    }

    private boolean embeddedOnly() {
        return "1".equals(settings.env().get("WALLET_EMBEDDED"));
    }

    void ensurePostgres() throws IOException, InterruptedException {
        String host = settings.pgHost();
        int port = settings.pgPort();
        Optional<String> version = Processes.onPath("pg_ctlcluster") ? machinePgVersion(ETC_POSTGRESQL, port) : Optional.empty();
        switch (postgres(Processes.portOpen(port), embeddedOnly(), version, host)) {
            case ANSWERING -> out.println("PostgreSQL: " + pgDescription());
            case MACHINE -> {
                String v = version.orElseThrow();
                out.println("==> starting PostgreSQL " + v + " (pg_ctlcluster --skip-systemctl-redirect " + v + " main start)");
                out.flush();
                // its failure shows as the port staying closed
                run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", v, "main", "start"), false);
                if (!awaitPort(port, 30)) {
                    throw new LauncherException("PostgreSQL " + v + " did not come up on " + host + ":" + port + "; see /var/log/postgresql/");
                }
                out.println("PostgreSQL: the machine's (" + v + ") at " + host + ":" + port);
            }
            case EMBEDDED -> embedded(EmbeddedServer.Kind.POSTGRES, port);
            case ABSENT -> throw new LauncherException("PostgreSQL does not answer at " + host + ":" + port
                    + " (from DATABASE_URL); start it or point DATABASE_URL at one");
        }
        Database database = new Database(settings, out);
        if (!database.ownerConnects()) {
            throw new LauncherException("PostgreSQL refused '" + database.owner() + "' on " + host + ":" + port
                    + " (is the port taken by something else? check pg_hba.conf or DATABASE_OWNER_PASSWORD)");
        }
    }

    void ensureRedis() throws IOException, InterruptedException {
        int port = settings.redisPort();
        switch (redis(Processes.portOpen(port), embeddedOnly(), port, Processes.onPath("redis-server"))) {
            case ANSWERING -> out.println("Redis: " + redisDescription());
            case MACHINE -> {
                out.println("==> starting Redis (redis-server --daemonize yes --bind 127.0.0.1 -::1 --port " + port
                        + " --save \"\" --appendonly no)");
                out.flush();
                run(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", String.valueOf(port),
                        "--save", "", "--appendonly", "no"), true);
                if (!awaitPort(port, 15)) {
                    throw new LauncherException("Redis did not come up on 127.0.0.1:" + port);
                }
                out.println("Redis: the machine's at 127.0.0.1:" + port);
            }
            default -> embedded(EmbeddedServer.Kind.REDIS, port);
        }
    }

    private void embedded(EmbeddedServer.Kind kind, int port) throws IOException, InterruptedException {
        build.toolJar("local-services", "");
        server().up(kind, port);
    }

    private EmbeddedServer server() {
        return new EmbeddedServer(settings, new Processes(settings.pids()), new Logs(settings.logs()), out);
    }

    /** Whose server answers on the port, for the line `up` prints. */
    String pgDescription() {
        if (new Processes(settings.pids()).pidOf("local-postgres").isPresent()) {
            return server().readyLine("local-postgres").orElse("");
        }
        return "the machine's at " + settings.pgHost() + ":" + settings.pgPort();
    }

    String redisDescription() {
        if (new Processes(settings.pids()).pidOf("local-redis").isPresent()) {
            return server().readyLine("local-redis").orElse("");
        }
        return "the machine's at 127.0.0.1:" + settings.redisPort();
    }

    /**
     * The version of the machine's installed PostgreSQL cluster (the highest under ETC, as sort -V) when its
     * main cluster's postgresql.conf sets port = PORT.
     */
    static Optional<String> machinePgVersion(Path etc, int port) throws IOException {
        if (!Files.isDirectory(etc)) {
            return Optional.empty();
        }
        Optional<String> version;
        try (Stream<Path> dirs = Files.list(etc)) {
            version = dirs.map(d -> d.getFileName().toString()).max(DataStores::compareVersions);
        }
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Path conf = etc.resolve(version.get()).resolve("main/postgresql.conf");
        if (!Files.isReadable(conf)) {
            return Optional.empty();
        }
        Pattern line = Pattern.compile("^\\s*port\\s*=\\s*" + port + "([^0-9].*)?$");
        try (Stream<String> lines = Files.lines(conf)) {
            return lines.anyMatch(l -> line.matcher(l).matches()) ? version : Optional.empty();
        }
    }

    /** As sort -V for PostgreSQL's version directories (9.6 before 10, 15 before 16). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Comparator.<String>comparingInt(String::length).thenComparing(Comparator.naturalOrder())
                    .compare(x[i].replaceFirst("^0+(?=.)", ""), y[i].replaceFirst("^0+(?=.)", ""));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length) != 0 ? Integer.compare(x.length, y.length) : a.compareTo(b);
    }

    static boolean awaitPort(int port, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 2; i++) {
            if (Processes.portOpen(port)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** A start-up command, its stderr on ours; stdout too unless QUIET (redis-server's banner). */
    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(quiet ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
        builder.start().waitFor();
    }
}
