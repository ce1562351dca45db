package com.wallet.bench;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bin/wallet bench}: (a) the raw PostgreSQL limit with pgbench on a scratch database,
 * (b) end-to-end transfer throughput (commands straight to wallet.commands until their final events
 * are on wallet.transactions), (c) GraphQL acceptance and submit-to-final latency through the
 * gateway, (d) a hot source wallet. Prints a table and, last, the one BENCH line (contract section 10).
 * A command-line program: its output is the report, so it prints to standard output.
 */
public final class BenchMain {

    private static final long FUNDING = 100_000_000L;   // minor units per bench wallet

    private final BenchOptions options;
    private final PrintStream out;
    private final String run;

    private BenchMain(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.run = "bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            out.print(BenchOptions.USAGE);
            System.exit(64);
            return;
        }
        String encryptionKey = System.getenv("ENCRYPTION_SECRET_KEY");
        String jwtSecret = System.getenv("JWT_SECRET");
        if (encryptionKey == null || encryptionKey.isBlank()) {
            out.println("bench: ENCRYPTION_SECRET_KEY is not set (bin/wallet bench passes the system's)");
            System.exit(2);
        }
        if (!options.skipGateway() && (jwtSecret == null || jwtSecret.isBlank())) {
            out.println("bench: JWT_SECRET is not set (bin/wallet bench passes the system's)");
            System.exit(2);
        }
        try {
            int rc = new BenchMain(options, out).run(encryptionKey, jwtSecret);
            out.flush();
            System.exit(rc);
        } catch (Exception e) {
            out.println("bench: failed: " + e);
            out.flush();
            System.exit(1);
        }
    }

    private int run(String encryptionKey, String jwtSecret) throws Exception {
        Report report = new Report(out);
        report.progress("run %s: concurrency %d, in-flight %d, %d end-to-end / %d hot / %d GraphQL transfers",
                run, options.concurrency(), options.inFlight(), options.transfers(), options.hotTransfers(),
                options.gqlTransfers());

        PgBaseline.Figures pg = new PgBaseline.Figures(0, 0);
        if (!options.skipPgbench()) {
            try {
                pg = new PgBaseline(options).run(report);
            } catch (Exception e) {
                report.progress("pgbench phase failed: %s", e.getMessage());
            }
        }

        WalletFixtures fixtures = new WalletFixtures(options);
        KafkaPhase.Outcome e2e;
        KafkaPhase.Outcome hot;
        GatewayPhase.Outcome gql = null;
        try (EventWatcher watcher = new EventWatcher(options.kafka());
             KafkaPhase kafka = new KafkaPhase(options, watcher, encryptionKey)) {
            String e2eUser = run + "-e2e";
            report.progress("creating %d funded bench wallets (user %s)", options.wallets(), e2eUser);
            List<UUID> wallets = fixtures.fundedWallets(e2eUser, options.wallets(), FUNDING);

            if (options.warmup() > 0) {
                report.progress("warm-up: %d transfers through Kafka (not measured)", options.warmup());
                List<WalletFixtures.Transfer> warm = spread(wallets, options.warmup(), e2eUser);
                fixtures.insertPending(warm);
                kafka.run(warm);
            }

            report.progress("(b) end-to-end: %d transfers over %d wallets, %d in flight",
                    options.transfers(), wallets.size(), options.inFlight());
            List<WalletFixtures.Transfer> transfers = spread(wallets, options.transfers(), e2eUser);
            fixtures.insertPending(transfers);
            e2e = kafka.run(transfers);

            String hotUser = run + "-hot";
            UUID hotWallet = fixtures.fundedWallets(hotUser, 1, FUNDING).get(0);
            report.progress("(d) hot wallet: %d transfers out of one wallet", options.hotTransfers());
            List<WalletFixtures.Transfer> hotTransfers = new ArrayList<>(options.hotTransfers());
            for (int i = 0; i < options.hotTransfers(); i++) {
                hotTransfers.add(new WalletFixtures.Transfer(UUID.randomUUID(), hotWallet,
                        wallets.get(i % wallets.size()), 1 + i % 100, hotUser));
            }
            fixtures.insertPending(hotTransfers);
            hot = kafka.run(hotTransfers);

            if (!options.skipGateway()) {
                String gqlUser = run + "-gql";
                List<UUID> gqlWallets = fixtures.fundedWallets(gqlUser, 2 * options.concurrency(), FUNDING);
                GatewayPhase gateway = new GatewayPhase(options, watcher, jwtSecret, gqlUser);
                if (options.warmup() > 0) {
                    report.progress("warm-up: %d GraphQL transfers (not measured)", options.warmup());
                    gateway.run(gqlWallets, options.warmup(), run + "-warm", false);
                }
                report.progress("(c) gateway: %d GraphQL transfers, %d clients", options.gqlTransfers(),
                        Math.min(options.concurrency(), gqlWallets.size() / 2));
                gql = gateway.run(gqlWallets, options.gqlTransfers(), run + "-gql", true);
            }
        }

        BenchResult result = new BenchResult(e2e.tps(), pg.transferTps(), hot.tps(), pg.hotTps(),
                gql == null ? Double.NaN : gql.acceptance().percentileMs(99), e2e.latency().percentileMs(99));
        report.table(pg, e2e, hot, gql, result);
        out.println(result.benchLine());
        boolean complete = e2e.missing() == 0 && hot.missing() == 0 && (gql == null || gql.missing() == 0);
        return e2e.completed() > 0 && complete ? 0 : 1;
    }

    /** Transfers between random distinct wallets, amounts 1..100 minor units. */
    private static List<WalletFixtures.Transfer> spread(List<UUID> wallets, int count, String userId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<WalletFixtures.Transfer> transfers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(wallets.size());
            int to = (from + 1 + random.nextInt(wallets.size() - 1)) % wallets.size();
            transfers.add(new WalletFixtures.Transfer(UUID.randomUUID(), wallets.get(from), wallets.get(to),
                    1 + random.nextInt(100), userId));
        }
        return transfers;
    }

    /** The readable part of the output. */
    static final class Report {

        private final PrintStream out;

        Report(PrintStream out) {
            this.out = out;
        }

        void progress(String format, Object... args) {
            out.println("==> " + String.format(Locale.ROOT, format, args));
            out.flush();
        }

        void table(PgBaseline.Figures pg, KafkaPhase.Outcome e2e, KafkaPhase.Outcome hot, GatewayPhase.Outcome gql,
                   BenchResult result) {
            out.println();
            row("measure", "tps", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "outcome");
            row("-".repeat(44), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(30));
            row("(a) pgbench transfer (2 updates + ledger)", tps(pg.transferTps()), "", "", "", "", "");
            row("(a) pgbench hot row", tps(pg.hotTps()), "", "", "", "", "");
            kafka("(b) end-to-end Kafka -> event", e2e);
            kafka("(d) hot wallet Kafka -> event", hot);
            if (gql != null) {
                Latency a = gql.acceptance();
                row("(c) GraphQL acceptance (HTTP round trip)", tps(gql.acceptedPerSecond()), ms(a.percentileMs(50)),
                        ms(a.percentileMs(99)), ms(a.percentileMs(99.9)), ms(a.maxMs()),
                        gql.accepted() + " accepted, " + gql.rejected() + " refused");
                Latency c = gql.completion();
                row("(c) GraphQL submit -> final event", "", ms(c.percentileMs(50)), ms(c.percentileMs(99)),
                        ms(c.percentileMs(99.9)), ms(c.maxMs()), outcome(gql.completed(), gql.failed(), gql.missing()));
                if (gql.firstError() != null) {
                    out.println("    first refused request: " + gql.firstError());
                }
            } else {
                row("(c) GraphQL", "skipped", "", "", "", "", "");
            }
            out.println();
            out.printf(Locale.ROOT, "ratio     e2e / pgbench transfer = %.3f%n", result.ratio());
            out.printf(Locale.ROOT, "hot_ratio hot wallet / pgbench hot row = %.3f%n", result.hotRatio());
            out.println();
        }

        private void kafka(String name, KafkaPhase.Outcome o) {
            Latency l = o.latency();
            row(name, tps(o.tps()), ms(l.percentileMs(50)), ms(l.percentileMs(99)), ms(l.percentileMs(99.9)),
                    ms(l.maxMs()), outcome(o.completed(), o.failed(), o.missing())
                            + String.format(Locale.ROOT, " in %.1f s", o.seconds()));
        }

        private static String outcome(int completed, int failed, int missing) {
            return completed + " completed, " + failed + " failed" + (missing > 0 ? ", " + missing + " MISSING" : "");
        }

        private void row(String name, String tps, String p50, String p99, String p999, String max, String outcome) {
            out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s %8s  %s%n", name, tps, p50, p99, p999, max, outcome);
        }

        private static String tps(double v) {
            return v > 0 ? String.format(Locale.ROOT, "%.0f", v) : "-";
        }

        private static String ms(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
