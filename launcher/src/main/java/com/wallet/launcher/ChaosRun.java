package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bin/wallet chaos (issue 5; README "Chaos run"): options go to the chaos jar. Needs the system up:
 * starts it with two processors on a fresh database wallet_chaos (and stops it afterwards) when not.
 */
final class ChaosRun {

    private final Settings settings;
    private final PrintStream out = System.out;

    ChaosRun(Settings settings) {
        this.settings = settings;
    }

    /** --help and --plan-only need no system: the jar answers alone. */
    static boolean jarAlone(List<String> args) {
        return args.contains("-h") || args.contains("--help") || args.contains("--plan-only");
    }

    int run(List<String> args) throws IOException, InterruptedException {
        Children children = new Children(settings.root());
        Build build = new Build(settings, out);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar"));
        if (jarAlone(args)) {
            Path jar = build.toolJar("chaos", "-exec");
            List<String> alone = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--repo", settings.root().toString()));
            alone.addAll(args);
            children.run(alone, settings.env());
            return 0;
        }
        DataStores stores = new DataStores(settings, build, out);
        stores.ensurePostgres();
        stores.ensureRedis();
        Path jar = build.toolJar("chaos", "-exec");
        try (SystemRun system = new SystemRun("chaos", settings, children, out)) {
            if (system.alreadyUp()) {
                out.println("==> the system is already up: the chaos run uses it (and leaves it up)");
            } else {
                system.freshState("wallet_chaos");
                system.stopAtEnd();
                out.println("==> starting the system: PROCESSOR_INSTANCES=2 bin/wallet up (database " + system.settings().databaseName() + ")");
                if (!system.up(Map.of("PROCESSOR_INSTANCES", "2"))) {
                    System.err.println("wallet: bin/wallet up failed");
                    return 1;
                }
            }
            // the run signs its tokens with the system's JWT_SECRET
            system.exportSecrets();
            Settings s = system.settings();
            out.println("==> chaos: java -jar chaos/target/chaos-" + Settings.VERSION + "-exec.jar " + String.join(" ", args));
            Map<String, String> env = new LinkedHashMap<>(system.env());
            env.put("DATABASE_URL", s.databaseUrl());
            env.put("DATABASE_USERNAME", s.value("DATABASE_USERNAME", "postgres"));
            env.put("DATABASE_PASSWORD", s.value("DATABASE_PASSWORD", ""));
            command.addAll(List.of(jar.toString(), "--repo", s.root().toString()));
            command.addAll(args);
            return children.run(command, env);
        }
    }
}
