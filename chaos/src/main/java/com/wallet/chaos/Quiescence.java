package com.wallet.chaos;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Waits until the system is quiet: every transaction the workload got accepted is final (read
 * through getTransaction) and both outboxes are drained. Deposits whose PaymentIntent creation
 * failed ambiguously are finished by the deposit reconciler after 30-45 s, so this can take minutes.
 */
final class Quiescence {

    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REVERSED");

    record Result(boolean quiet, Map<String, String> finalStatuses, Map<String, String> unfinished,
                  long outboxUnpublished, long commandOutboxUnpublished, Duration waited) {
    }

    private final WalletClient api;
    private final Workload workload;
    private final Database database;
    private final PrintStream log;

    Quiescence(WalletClient api, Workload workload, Database database, PrintStream log) {
        this.api = api;
        this.workload = workload;
        this.database = database;
        this.log = log;
    }

    Result await(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<String, Workload.Tracked> accepted = workload.accepted();
        Map<String, String> finals = new ConcurrentHashMap<>();
        Map<String, String> open = new TreeMap<>();
        long outbox = -1;
        long commands = -1;
        long lastLog = 0;
        while (true) {
            workload.authenticatePending();
            open.clear();
            for (Workload.Tracked t : accepted.values()) {
                if (finals.containsKey(t.transactionId())) {
                    continue;
                }
                JsonNode tx = api.transaction(t.token(), t.transactionId());
                String status = tx == null ? "UNREADABLE" : tx.path("status").asString("");
                if (FINAL.contains(status)) {
                    String reason = tx.path("failureReason").asString("");
                    finals.put(t.transactionId(), reason.isEmpty() ? status : status + " " + reason);
                } else {
                    open.put(t.transactionId(), t.kind() + " " + status);
                }
            }
            long[] unpublished = database.unpublished();
            outbox = unpublished[0];
            commands = unpublished[1];
            boolean quiet = open.isEmpty() && outbox == 0 && commands == 0;
            if (quiet || System.nanoTime() >= deadline) {
                return new Result(quiet, Map.copyOf(finals), Map.copyOf(open), outbox, commands,
                        Duration.ofNanos(System.nanoTime() - start));
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                lastLog = System.nanoTime();
                log.printf("chaos: quiescence: %d of %d accepted not final, outbox %d, command outbox %d unpublished%n",
                        open.size(), accepted.size(), outbox, commands);
            }
            Pause.millis(2_000);
        }
    }

    /** The two outbox counts, read over a fresh connection each time (PostgreSQL may have restarted). */
    record Database(String url, String user, String password) {

        long[] unpublished() {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                return new long[] {count(s, "SELECT count(*) FROM outbox_events WHERE published_at IS NULL"),
                        count(s, "SELECT count(*) FROM command_outbox WHERE published_at IS NULL")};
            } catch (SQLException e) {
                return new long[] {-1, -1};
            }
        }

        private static long count(Statement s, String sql) throws SQLException {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
