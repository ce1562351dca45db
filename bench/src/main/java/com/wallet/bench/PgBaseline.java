package com.wallet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase (a): the raw PostgreSQL limit, measured with pgbench against a scratch database (dropped
 * and re-created each run; the wallet database is never touched here).
 */
final class PgBaseline {

    static final int ROWS = 10_000;

    /** One transfer per transaction: two balance updates in id order and the two ledger postings. */
    static final String TRANSFER_SCRIPT = """
            \\set a random(1, %1$d)
            \\set b random(1, %1$d)
            \\set lo least(:a, :b)
            \\set hi greatest(:a, :b)
            \\set amount random(1, 100)
            \\set debit -1 * :amount
            BEGIN;
            UPDATE accounts SET balance = balance - :amount WHERE id = :lo;
            UPDATE accounts SET balance = balance + :amount WHERE id = :hi;
            INSERT INTO ledger (account_id, amount) VALUES (:lo, :debit), (:hi, :amount);
            END;
            """.formatted(ROWS);

    /** Every client updates the same row. */
    static final String HOT_SCRIPT = """
            UPDATE accounts SET balance = balance + 1 WHERE id = 1;
            """;

    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+)", Pattern.MULTILINE);

    private final BenchOptions options;

    PgBaseline(BenchOptions options) {
        this.options = options;
    }

    /** The two runs' tps (pgbench's own summary) and their per-second figures (its per-transaction log). */
    record Figures(double transferTps, double hotTps, PerSecond transferSeconds, PerSecond hotSeconds) {

        static Figures none() {
            return new Figures(0, 0, null, null);
        }
    }

    Figures run(BenchMain.Report report) throws IOException, SQLException, InterruptedException {
        recreateScratchDatabase();
        Path dir = Files.createTempDirectory("wallet-bench");
        try {
            Path transfer = Files.writeString(dir.resolve("transfer.sql"), TRANSFER_SCRIPT);
            Path hot = Files.writeString(dir.resolve("hot.sql"), HOT_SCRIPT);
            report.progress("pgbench: one transfer per transaction over %,d rows, %d clients, %d s",
                    ROWS, options.concurrency(), options.durationSeconds());
            double transferTps = pgbench(transfer, dir, "transfer-log");
            PerSecond transferSeconds = PgbenchLog.perSecond(Phases.PG_UNIFORM,
                    PgbenchLog.parse(PgbenchLog.readAll(dir, "transfer-log")));
            report.progress("pgbench: one hot row, %d clients, %d s", options.concurrency(), options.durationSeconds());
            double hotTps = pgbench(hot, dir, "hot-log");
            PerSecond hotSeconds = PgbenchLog.perSecond(Phases.PG_HOT, PgbenchLog.parse(PgbenchLog.readAll(dir, "hot-log")));
            return new Figures(transferTps, hotTps, transferSeconds, hotSeconds);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void recreateScratchDatabase() throws SQLException {
        String db = options.scratchDatabase();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL) WITH (fillfactor = 90)");
            s.execute("INSERT INTO accounts SELECT g, 1000000000 FROM generate_series(1, " + ROWS + ") g");
            // Shaped like ledger_entries: bigserial key, an index by account, a timestamp.
            s.execute("""
                    CREATE TABLE ledger (
                        id         bigserial   PRIMARY KEY,
                        account_id int         NOT NULL,
                        amount     bigint      NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now())""");
            s.execute("CREATE INDEX ledger_by_account ON ledger (account_id)");
            s.execute("VACUUM ANALYZE accounts");
        }
    }

    private Connection connect(String database) throws SQLException {
        String url = "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + database;
        return DriverManager.getConnection(url, options.databaseUser(), options.databasePassword());
    }

    /** Runs one script; {@code -l} logs every transaction under dir/logPrefix.* for the per-second figures. */
    private double pgbench(Path script, Path dir, String logPrefix) throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(options.concurrency(), Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of(options.pgbench(), "-n",
                "-h", options.pgHost(), "-p", Integer.toString(options.pgPort()), "-U", options.databaseUser(),
                "-c", Integer.toString(options.concurrency()), "-j", Integer.toString(threads),
                "-T", Integer.toString(options.durationSeconds()), "-f", script.toString(),
                "-l", "--log-prefix=" + dir.resolve(logPrefix), options.scratchDatabase()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!options.databasePassword().isEmpty()) {
            builder.environment().put("PGPASSWORD", options.databasePassword());
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(options.durationSeconds() + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pgbench did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        return parseTps(text, process.exitValue());
    }

    static double parseTps(String pgbenchOutput, int exitCode) throws IOException {
        Matcher m = TPS.matcher(pgbenchOutput);
        if (exitCode != 0 || !m.find()) {
            String tail = pgbenchOutput.length() > 800 ? pgbenchOutput.substring(pgbenchOutput.length() - 800) : pgbenchOutput;
            throw new IOException("pgbench failed (exit " + exitCode + "): " + tail.strip());
        }
        return Double.parseDouble(m.group(1));
    }
}
