package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * THE test command (README, .ci/run): the unit and integration tests of every module, then the system
 * tests against a running system, started and stopped here when it is not up.
 */
@Command(name = "test", customSynopsis = "usage: bin/wallet test [--e2e-only]",
        description = "All tests: unit + integration (mvn install), then the system tests (e2e, mvn -pl e2e verify -De2e) "
                + "against a running system, started (PROCESSOR_INSTANCES=2, a fresh database wallet_system_test) and "
                + "stopped by the command when it is not up, then (when it started the system) .ci/embedded-smoke: the same "
                + "system on an embedded PostgreSQL and Redis. --e2e-only runs the system tests alone.")
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Option(names = "--e2e-only", description = "the system tests alone")
    private boolean e2eOnly;

    @Override
    public Integer call() throws Exception {
        Settings settings = launcher.settings();
        PrintStream out = System.out;
        DataStores stores = new DataStores(settings, new Build(settings, out), out);
        stores.ensurePostgres();
        stores.ensureRedis();
        Children children = new Children(settings.root());
        try (SystemRun system = new SystemRun("test", settings, children, out)) {
            // The integration tests (test-support LocalServices) use the same PostgreSQL and Redis.
            system.exportDefault("TEST_DATABASE_ADMIN_URL", "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/postgres");
            system.exportDefault("TEST_DATABASE_USERNAME", settings.value("DATABASE_OWNER_USERNAME", "postgres"));
            system.exportDefault("TEST_DATABASE_PASSWORD", settings.value("DATABASE_OWNER_PASSWORD", ""));
            system.exportDefault("TEST_REDIS_URL", "redis://127.0.0.1:" + settings.redisPort());
            if (e2eOnly) {
                out.println("==> skipping the unit and integration tests (--e2e-only)");
            } else {
                // install = verify + the module jars in ~/.m2, which `mvn -pl e2e` below resolves its dependencies from.
                out.println("==> unit and integration tests of every module: mvn -B install");
                if (children.run(List.of("mvn", "-B", "-Dstyle.color=never", "install"), system.env()) != 0) {
                    System.err.println("wallet: unit/integration tests failed");
                    return 1;
                }
            }
            boolean started = !system.alreadyUp();
            if (!started) {
                out.println("==> the system is already up: the system tests run against it (and it stays up)");
            } else {
                system.freshState("wallet_system_test");
                system.stopAtEnd();   // so an interrupted run still stops what it started
                out.println("==> starting the system: PROCESSOR_INSTANCES=2 bin/wallet up (database " + system.settings().databaseName() + ")");
                if (!system.up(Map.of("PROCESSOR_INSTANCES", "2"))) {
                    System.err.println("wallet: bin/wallet up failed");
                    return 1;
                }
            }
            system.exportSecrets();   // the e2e tests sign their tokens with the same JWT_SECRET
            out.println("==> system tests: mvn -B -pl e2e verify -De2e");
            if (children.run(List.of("mvn", "-B", "-Dstyle.color=never", "-pl", "e2e", "verify", "-De2e"), system.env()) == 0) {
                return e2eOnly || !started ? 0 : embeddedSmoke(system, children, out);
            }
            if (children.stopping()) {
                return 130;   // interrupted: the shutdown hook stops the system, the logs are no failure's
            }
            System.err.println("wallet: system tests failed; the services' logs end with:");
            Logs logs = new Logs(settings.logs());
            for (Settings.Component component : Settings.components(2)) {
                logs.printTail(component.name(), 40, out);
            }
            return 1;
        }
    }

    /**
     * The path of a machine with only a JDK (contract section 2, README "PostgreSQL and Redis"), proven
     * by every full run: with the system stopped (the smoke needs its ports), .ci/embedded-smoke starts
     * the system on an embedded PostgreSQL and Redis on ports where nothing listens, runs the gateway's
     * integration tests and a system-test class against them, and stops it all.
     */
    private static int embeddedSmoke(SystemRun system, Children children, PrintStream out)
            throws IOException, InterruptedException {
        system.close();
        out.println("==> the embedded path: .ci/embedded-smoke (embedded PostgreSQL and Redis on ports where nothing listens)");
        if (children.run(List.of(system.settings().root().resolve(".ci/embedded-smoke").toString()), system.env()) == 0) {
            return 0;
        }
        System.err.println("wallet: the embedded smoke test failed (its output is above)");
        return children.stopping() ? 130 : 1;
    }
}
