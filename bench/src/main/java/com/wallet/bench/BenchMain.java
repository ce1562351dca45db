package com.wallet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bin/wallet bench}: (a) the raw PostgreSQL limit with pgbench on a scratch database; then,
 * from wallets it creates empty and funds through the product (real deposits into treasury wallets,
 * real transfers out of them: the unmeasured warm-up), (b) end-to-end transfer throughput (commands
 * straight to wallet.commands until their final events are on wallet.transactions), (d) a hot source
 * wallet, (c) GraphQL acceptance and submit-to-final latency through the gateway, (e) GraphQL reads
 * (the status polling and balance reads a client does after a mutation). Prints a table,
 * writes the per-second CSV and PNG chart, and prints, last, the one BENCH line (contract section 10).
 * A command-line program: its output is the report, so it prints to standard output.
 */
public final class BenchMain {

    /** Transfer amounts are 1..100 minor units: a wallet is funded for this many of the largest. */
    private static final long LARGEST_TRANSFER = 100;
    private static final int SPARE_TRANSFERS = 100;

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
        System.setProperty("java.awt.headless", "true");   // the chart is drawn without a display
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
        if (jwtSecret == null || jwtSecret.isBlank()) {   // the treasury's deposits go through the gateway
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
        List<PerSecond> timeline = new ArrayList<>();
        Measured figures;
        try {
            figures = measure(report, timeline, encryptionKey, jwtSecret);
        } catch (Exception e) {
            report.files(writeFiles(timeline, "incomplete run: " + e.getMessage()));
            throw e;
        }
        BenchResult result = figures.result();
        report.table(figures, result);
        report.files(writeFiles(timeline, result.benchLine()));
        out.println(result.benchLine());
        KafkaPhase.Outcome e2e = figures.e2e();
        GatewayPhase.Outcome gql = figures.gql();
        boolean complete = e2e.missing() == 0 && figures.hot().missing() == 0
                && (gql == null || gql.missing() == 0 && gql.unsent() == 0);
        return e2e.completed() > 0 && complete ? 0 : 1;
    }

    /** What the phases measured. */
    record Measured(PgBaseline.Figures pg, Treasury.Funding funding, KafkaPhase.Outcome warmup, KafkaPhase.Outcome e2e,
                   KafkaPhase.Outcome hot, GatewayPhase.Outcome gql, ReadPhase.Outcome reads) {

        BenchResult result() {
            return new BenchResult(e2e.tps(), pg.transferTps(), hot.tps(), pg.hotTps(),
                    gql == null ? Double.NaN : gql.acceptance().percentileMs(99),
                    gql == null ? Double.NaN : gql.completion().percentileMs(99),
                    gql == null ? Double.NaN : gql.rate(), gql == null ? Double.NaN : gql.acceptedPerSecond(),
                    e2e.latency().percentileMs(99),
                    reads == null ? Double.NaN : reads.readsPerSecond(),
                    reads == null ? Double.NaN : reads.all().percentileMs(99));
        }
    }

    private Measured measure(Report report, List<PerSecond> timeline, String encryptionKey, String jwtSecret)
            throws Exception {
        PgBaseline.Figures pg = PgBaseline.Figures.none();
        if (!options.skipPgbench()) {
            try {
                pg = new PgBaseline(options).run(report);
                timeline.add(pg.transferSeconds());
                timeline.add(pg.hotSeconds());
            } catch (Exception e) {
                report.progress("pgbench phase failed: %s", e.getMessage());
            }
        }

        WalletFixtures fixtures = new WalletFixtures(options);
        GraphQlClient graphql = new GraphQlClient(options.gatewayUrl());
        try (EventWatcher watcher = new EventWatcher(options.kafka());
             KafkaPhase kafka = new KafkaPhase(options, watcher, encryptionKey)) {
            String e2eUser = run + "-e2e";
            String hotUser = run + "-hot";
            String gqlUser = run + "-gql";
            int gqlClients = options.concurrency();
            report.progress("creating %d empty bench wallets (user %s), 1 hot wallet%s", options.wallets(), e2eUser,
                    options.skipGateway() ? "" : ", " + 2 * gqlClients + " GraphQL wallets");
            List<UUID> wallets = fixtures.wallets(e2eUser, options.wallets());
            UUID hotWallet = fixtures.wallets(hotUser, 1).get(0);
            List<UUID> gqlWallets = options.skipGateway() ? List.of() : fixtures.wallets(gqlUser, 2 * gqlClients);

            // Each wallet gets enough for its share of transfers four times over, or 100 of the largest.
            Map<UUID, Long> targets = new LinkedHashMap<>();
            long perWallet = LARGEST_TRANSFER * Math.max(SPARE_TRANSFERS,
                    4L * ceilDiv(options.transfers() + options.warmup(), options.wallets()));
            wallets.forEach(w -> targets.put(w, perWallet));
            targets.put(hotWallet, LARGEST_TRANSFER * (options.hotTransfers() + SPARE_TRANSFERS));
            long perGqlWallet = LARGEST_TRANSFER * (options.gqlTransfers() + options.warmup() + SPARE_TRANSFERS);
            gqlWallets.forEach(w -> targets.put(w, perGqlWallet));
            Treasury.Funding funding = new Treasury(options, fixtures, graphql, watcher, kafka, jwtSecret)
                    .fund(targets, run + "-treasury", report);
            PerSecond warmSeconds = funding.warmup();
            timeline.add(warmSeconds);

            KafkaPhase.Outcome warmup = null;
            if (options.warmup() > 0) {
                report.progress("warm-up: %d transfers between bench wallets (not measured)", options.warmup());
                List<WalletFixtures.Transfer> warm = spread(wallets, options.warmup(), e2eUser);
                fixtures.insertPending(warm);
                warmup = kafka.run(warm, warmSeconds, options.timeoutSeconds());
            }

            report.progress("(b) end-to-end: %d transfers over %d wallets, %d in flight",
                    options.transfers(), wallets.size(), options.inFlight());
            List<WalletFixtures.Transfer> transfers = spread(wallets, options.transfers(), e2eUser);
            fixtures.insertPending(transfers);
            PerSecond e2eSeconds = PerSecond.startingNow(Phases.E2E_UNIFORM);
            timeline.add(e2eSeconds);
            KafkaPhase.Outcome e2e = kafka.run(transfers, e2eSeconds, options.timeoutSeconds());

            report.progress("(d) hot wallet: %d transfers out of one wallet", options.hotTransfers());
            List<WalletFixtures.Transfer> hotTransfers = new ArrayList<>(options.hotTransfers());
            for (int i = 0; i < options.hotTransfers(); i++) {
                hotTransfers.add(new WalletFixtures.Transfer(UUID.randomUUID(), hotWallet,
                        wallets.get(i % wallets.size()), 1 + i % LARGEST_TRANSFER, hotUser));
            }
            fixtures.insertPending(hotTransfers);
            PerSecond hotSeconds = PerSecond.startingNow(Phases.E2E_HOT);
            timeline.add(hotSeconds);
            KafkaPhase.Outcome hot = kafka.run(hotTransfers, hotSeconds, options.timeoutSeconds());

            GatewayPhase.Outcome gql = null;
            if (!options.skipGateway()) {
                GatewayPhase gateway = new GatewayPhase(options, watcher, graphql, jwtSecret, gqlUser);
                if (options.warmup() > 0) {
                    report.progress("warm-up: %d GraphQL transfers (not measured)", options.warmup());
                    gateway.run(gqlWallets, options.warmup(), options.gqlRate(), run + "-warm",
                            PerSecond.startingNow("gateway warm-up"), PerSecond.startingNow("gateway warm-up"));
                }
                int pairs = Math.min(options.concurrency(), gqlWallets.size() / 2);
                if (options.gqlRate() > 0) {
                    report.progress("(c) gateway: %d GraphQL transfers at %d/s (open loop) over %d wallet pairs",
                            options.gqlTransfers(), options.gqlRate(), pairs);
                } else {
                    report.progress("(c) gateway: %d GraphQL transfers, a closed loop of %d clients",
                            options.gqlTransfers(), pairs);
                }
                PerSecond accepted = PerSecond.startingNow(Phases.GATEWAY_ACCEPTED);
                PerSecond finals = PerSecond.startingNow(Phases.GATEWAY_FINAL);
                timeline.add(accepted);
                timeline.add(finals);
                gql = gateway.run(gqlWallets, options.gqlTransfers(), options.gqlRate(), run + "-gql", accepted, finals);
            }

            ReadPhase.Outcome reads = null;
            if (gql != null && !options.skipReads()) {
                int readers = options.concurrency();
                ReadPhase readPhase = new ReadPhase(graphql, jwtSecret, gqlUser, readers);
                report.progress("warm-up: 2 s of GraphQL reads (not measured)");
                readPhase.run(gqlWallets, gql.transactions(), 2,
                        PerSecond.startingNow("read warm-up"), PerSecond.startingNow("read warm-up"));
                report.progress("(e) reads: %d s of getTransaction/getWallet from %d clients over %d wallets and %d"
                        + " transactions", options.readSeconds(), readers, gqlWallets.size(), gql.transactions().size());
                PerSecond walletReads = PerSecond.startingNow(Phases.READ_WALLET);
                PerSecond transactionReads = PerSecond.startingNow(Phases.READ_TRANSACTION);
                timeline.add(walletReads);
                timeline.add(transactionReads);
                reads = readPhase.run(gqlWallets, gql.transactions(), options.readSeconds(), walletReads,
                        transactionReads);
            }
            return new Measured(pg, funding, warmup, e2e, hot, gql, reads);
        }
    }

    /** The CSV of every phase and the chart of all but the warm-up (whose length would squeeze the others). */
    private BenchFiles.Written writeFiles(List<PerSecond> timeline, String subtitle) throws IOException {
        List<SecondRow> rows = PerSecond.rows(timeline);
        List<SecondRow> charted = rows.stream().filter(r -> !r.phase().equals(Phases.WARMUP)).toList();
        return BenchFiles.write(Path.of(options.outDir()), run, rows, charted, subtitle);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
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

        void table(Measured f, BenchResult result) {
            PgBaseline.Figures pg = f.pg();
            GatewayPhase.Outcome gql = f.gql();
            out.println();
            row("measure", "tps", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "outcome");
            row("-".repeat(44), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(30));
            Treasury.Funding funding = f.funding();
            Latency d = funding.depositLatency();
            row("warm-up deposits GraphQL -> Stripe -> final", tps(funding.deposits() / funding.depositSeconds()),
                    ms(d.percentileMs(50)), ms(d.percentileMs(99)), ms(d.percentileMs(99.9)), ms(d.maxMs()),
                    funding.deposits() + " COMPLETED" + String.format(Locale.ROOT, " in %.1f s", funding.depositSeconds())
                            + " (not counted)");
            kafka("warm-up funding transfers Kafka -> event", funding.transfers());
            if (f.warmup() != null) {
                kafka("warm-up transfers Kafka -> event", f.warmup());
            }
            pgbench("(a) pgbench transfer (2 updates + ledger)", pg.transferTps(), pg.transferSeconds());
            pgbench("(a) pgbench hot row", pg.hotTps(), pg.hotSeconds());
            kafka("(b) end-to-end Kafka -> event", f.e2e());
            kafka("(d) hot wallet Kafka -> event", f.hot());
            if (gql != null) {
                Latency a = gql.acceptance();
                row("(c) GraphQL acceptance (HTTP round trip)", tps(gql.acceptedPerSecond()), ms(a.percentileMs(50)),
                        ms(a.percentileMs(99)), ms(a.percentileMs(99.9)), ms(a.maxMs()),
                        gql.accepted() + " accepted, " + gql.rejected() + " refused"
                                + (gql.unsent() > 0 ? ", " + gql.unsent() + " not sent (--timeout)" : ""));
                Latency c = gql.completion();
                row("(c) GraphQL submit -> final event", "", ms(c.percentileMs(50)), ms(c.percentileMs(99)),
                        ms(c.percentileMs(99.9)), ms(c.maxMs()), outcome(gql.completed(), gql.failed(), gql.missing()));
                if (gql.firstError() != null) {
                    out.println("    first refused request: " + gql.firstError());
                }
            } else {
                row("(c) GraphQL", "skipped", "", "", "", "", "");
            }
            ReadPhase.Outcome reads = f.reads();
            if (reads != null) {
                read("(e) GraphQL reads, all", reads.all(), reads.readsPerSecond(),
                        reads.reads() + " answered, " + reads.refused() + " refused"
                                + String.format(Locale.ROOT, " in %.1f s", reads.seconds()));
                read("(e) GraphQL reads, getTransaction", reads.transaction(), reads.transaction().count() / reads.seconds(), "");
                read("(e) GraphQL reads, getWallet", reads.wallet(), reads.wallet().count() / reads.seconds(), "");
                if (reads.firstError() != null) {
                    out.println("    first refused read: " + reads.firstError());
                }
            } else {
                row("(e) GraphQL reads", "skipped", "", "", "", "", "");
            }
            out.println();
            out.printf(Locale.ROOT, "ratio     e2e / pgbench transfer = %.3f%n", result.ratio());
            out.printf(Locale.ROOT, "hot_ratio hot wallet / pgbench hot row = %.3f%n", result.hotRatio());
            out.println();
        }

        private void read(String name, Latency l, double tps, String outcome) {
            row(name, tps(tps), ms(l.percentileMs(50)), ms(l.percentileMs(99)), ms(l.percentileMs(99.9)),
                    ms(l.maxMs()), outcome);
        }

        /** Latencies from pgbench's per-transaction log. */
        private void pgbench(String name, double tps, PerSecond seconds) {
            Latency l = seconds == null ? new Latency() : seconds.overall();
            row(name, tps(tps), ms(l.percentileMs(50)), ms(l.percentileMs(99)), ms(l.percentileMs(99.9)),
                    ms(l.maxMs()), l.count() > 0 ? l.count() + " transactions logged" : "");
        }

        void files(BenchFiles.Written files) {
            out.println("per-second CSV: " + files.csv());
            out.println("chart (PNG):    " + files.png());
            out.println();
            out.flush();
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
