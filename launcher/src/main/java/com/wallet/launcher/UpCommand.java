package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code up}: the services' jars (built when stale), PostgreSQL and Redis (found, started, or embedded), the local secrets, the database and its schema, Kafka and its topics, the services, the wait for their health
 * and the summary.
 */
@Command(name = "up", customSynopsis = "usage: bin/wallet up",
        description = {"Builds what is missing, uses (or starts) PostgreSQL and Redis, migrates the schema, starts Kafka, the "
                + "Stripe emulator, gateway, processor(s) and webhook-ingest, and returns 0 once every /actuator/health "
                + "is UP; prints the URLs. A failure names the component, the likely cause and the end of its log. "
                + "A second `up` starts only what is missing.",
                "",
                "Environment: PROCESSOR_INSTANCES=N (processors on 8081, 8091, ...), WALLET_UP_TIMEOUT (s, default 240), "
                + "WALLET_EMBEDDED=1 (embedded PostgreSQL and Redis), WALLET_NO_BUILD=1 (no rebuild), DATABASE_URL, REDIS_URL, "
                + "WALLET_JAVA_OPTS (every JVM's options, default -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1)."})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings = launcher.settings();
        PrintStream out = System.out;
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.pids());
        Build.requireMaven();
        Build build = new Build(settings, out);
        build.ensureBuilt();
        DataStores stores = new DataStores(settings, build, out);
        stores.ensurePostgres();
        stores.ensureRedis();
        Processes processes = new Processes(settings.pids());
        Logs logs = new Logs(settings.logs());
        LocalSecrets secrets = Secrets.ensure(settings, out);
        Database database = new Database(settings, out);
        database.ensure();
        database.migrate();
        new KafkaBroker(settings, processes, logs, out).up();
        ServiceStarter starter = new ServiceStarter(settings, processes, logs, out);
        for (Service service : Service.lineup(settings)) {
            starter.start(service, secrets);
        }
        out.println("==> waiting for every /actuator/health to be UP (at most " + settings.upTimeoutSeconds() + " s)");
        if (!AwaitHealthyCommand.await(settings, processes, logs, new Health(), out, System.err)) {
            System.err.println("wallet: bin/wallet up failed; components still running stay up (bin/wallet status, bin/wallet down)");
            return 1;
        }
        printSummary(settings, out);
        return 0;
    }

    static void printSummary(Settings settings, PrintStream out) {
        out.println();
        out.println("The wallet system is up:");
        out.println("  GraphQL API      http://127.0.0.1:" + Settings.GATEWAY_PORT + "/graphql   (GraphiQL: http://127.0.0.1:"
                + Settings.GATEWAY_PORT + "/graphiql)");
        for (int i = 1; i <= settings.processorInstances(); i++) {
            out.println("  processor-" + i + "      http://127.0.0.1:" + Settings.processorPort(i) + "/actuator/health");
        }
        out.println("  webhook-ingest   http://127.0.0.1:" + Settings.WEBHOOK_PORT + "/webhooks/stripe");
        out.println("  Stripe emulator  http://127.0.0.1:" + Settings.EMULATOR_PORT);
        out.println("  Kafka            127.0.0.1:" + Settings.KAFKA_PORT);
        out.println("  token            bin/wallet token alice");
        out.println("  logs             " + settings.logs() + "/");
    }
}
