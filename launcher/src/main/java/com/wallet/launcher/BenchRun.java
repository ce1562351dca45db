package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bin/wallet bench (contract section 10; README "Benchmark"): options go to the bench jar (bench --help
 * is its own), except --skip-check, which is ours. Needs the system up: starts it (with
 * RATE_LIMIT_MUTATIONS_PER_SECOND=1000000 unless set: the bench measures, not the limit) and stops it
 * afterwards when not; then bin/wallet check (the bench leaves the money rules intact).
 */
final class BenchRun {

    static final Path DEFAULT_PGBENCH = Path.of("/usr/bin/pgbench");

    /** The bench jar's arguments and whether the checker runs after it. */
    record Arguments(List<String> bench, boolean check, boolean help) {

        static Arguments parse(List<String> args) {
            List<String> bench = new ArrayList<>();
            boolean check = true;
            for (String arg : args) {
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new Arguments(List.of("--help"), false, true);
                }
                if (arg.equals("--skip-check")) {
                    check = false;
                } else {
                    bench.add(arg);
                }
            }
            return new Arguments(List.copyOf(bench), check, false);
        }
    }

    private final Settings settings;
    private final PrintStream out = System.out;

    BenchRun(Settings settings) {
        this.settings = settings;
    }

    int run(List<String> args) throws IOException, InterruptedException {
        Arguments arguments = Arguments.parse(args);
        Children children = new Children(settings.root());
        Build build = new Build(settings, out);
        if (arguments.help()) {
            Path jar = build.toolJar("bench", "");
            children.run(List.of("java", "-jar", jar.toString(), "--help"), settings.env());
            return 0;
        }
        Path pgbench = Processes.which("pgbench").orElse(DEFAULT_PGBENCH);
        if (!Files.isExecutable(pgbench)) {
            throw new LauncherException("pgbench not found: install the PostgreSQL client (apt-get install -y postgresql-client)");
        }
        DataStores stores = new DataStores(settings, build, out);
        stores.ensurePostgres();
        stores.ensureRedis();
        Path jar = build.toolJar("bench", "");
        try (SystemRun system = new SystemRun("bench", settings, children, out)) {
            if (system.alreadyUp()) {
                out.println("==> the system is already up: benchmarking it (it stays up; its gateway's RATE_LIMIT_MUTATIONS_PER_SECOND applies)");
            } else {
                system.stopAtEnd();
                out.println("==> starting the system: bin/wallet up (RATE_LIMIT_MUTATIONS_PER_SECOND=1000000: the bench measures, not the limit)");
                if (!system.up(Map.of("RATE_LIMIT_MUTATIONS_PER_SECOND", settings.value("RATE_LIMIT_MUTATIONS_PER_SECOND", "1000000")))) {
                    System.err.println("wallet: bin/wallet up failed");
                    return 1;
                }
            }
            // the bench seals commands and signs its token with the system's secrets
            system.exportSecrets();
            Settings s = system.settings();
            out.println("==> benchmark: java -jar bench/target/bench-" + Settings.VERSION + ".jar " + String.join(" ", arguments.bench()));
            Map<String, String> env = new LinkedHashMap<>(system.env());
            env.put("DATABASE_URL", s.databaseUrl());
            env.put("DATABASE_USERNAME", s.value("DATABASE_USERNAME", "postgres"));
            env.put("DATABASE_PASSWORD", s.value("DATABASE_PASSWORD", ""));
            env.put("KAFKA_BOOTSTRAP_SERVERS", s.kafkaBootstrap());
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-jar", jar.toString(), "--pg-host", s.pgHost(), "--pg-port", String.valueOf(s.pgPort()),
                    "--pgbench", pgbench.toString(), "--gateway-url", "http://127.0.0.1:" + Settings.GATEWAY_PORT + "/graphql",
                    "--out-dir", s.state().resolve("bench").toString()));
            command.addAll(arguments.bench());
            int rc = children.run(command, env);
            if (arguments.check()) {
                out.println("==> after the bench: bin/wallet check");
                if (new Tools(s, system.env(), children).check(List.of()) != 0) {
                    System.err.println("wallet: bin/wallet check failed after the bench");
                    rc = 1;
                }
            }
            return rc;
        }
    }
}
