package com.wallet.checker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads the database side of the check: plain JDBC, read only, one snapshot. */
final class JdbcLedgerReader {

    private static final String NOW = "SELECT clock_timestamp()";
    private static final String WALLETS = "SELECT id, balance, currency FROM wallets";
    private static final String TRANSACTIONS = """
            SELECT id, wallet_id, counterparty_wallet_id, type, status, failure_reason, amount, currency,
                   stripe_payment_intent_id, stripe_transfer_id,
                   floor(EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::bigint AS age_ms
            FROM transactions
            """;
    private static final String WALLET_POSTING_SUMS = """
            SELECT wallet_id, sum(amount) AS total, count(*) AS n FROM ledger_entries
            WHERE account = 'WALLET' GROUP BY wallet_id
            """;
    private static final String POSTING_COUNT = "SELECT count(*) FROM ledger_entries";
    private static final String POSTING_GROUPS = """
            SELECT transaction_id, account, wallet_id, entry_kind, sum(amount) AS total, count(*) AS n
            FROM ledger_entries GROUP BY transaction_id, account, wallet_id, entry_kind
            """;
    private static final String UNBALANCED = """
            SELECT transaction_id, sum(amount) AS total FROM ledger_entries
            GROUP BY transaction_id HAVING sum(amount) <> 0
            """;
    private static final String OUTBOX = """
            SELECT payload::text AS payload, wallet_sequence, published_at IS NOT NULL AS published,
                   published_at IS NOT NULL AND published_at < ? AS published_before_cutoff,
                   CASE WHEN published_at IS NULL
                        THEN floor(EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::bigint ELSE 0 END AS waiting_ms
            FROM outbox_events ORDER BY sequence
            """;
    private static final String UNPUBLISHED_COMMANDS = """
            SELECT command_id, floor(EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::bigint AS waiting_ms
            FROM command_outbox WHERE published_at IS NULL
            """;

    private static final String OPEN_DISAGREEMENTS = """
            SELECT transaction_id, stripe_object_id, field, recorded, reported FROM stripe_disagreements
            WHERE resolved_at IS NULL ORDER BY id
            """;

    // outbox_purged comes with V8: a database from before it has purged nothing.
    private static final String PURGED = """
            SELECT wallet_id, through_sequence, postings FROM outbox_purged
            """;
    private static final String PURGED_TRANSACTIONS = """
            SELECT t.id FROM transactions t JOIN outbox_purged p ON p.wallet_id = t.wallet_id
            WHERE t.created_at <= p.through_created_at
            """;
    private static final String HAS_PURGED = "SELECT to_regclass('outbox_purged') IS NOT NULL";

    private final String url;
    private final String user;
    private final String password;

    JdbcLedgerReader(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database's clock now: the cut-off between events that must already be on the topic and later ones. */
    Instant now() {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NOW)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new CheckFailedException("cannot read the database clock at " + url + ": " + e.getMessage(), e);
        }
    }

    LedgerSnapshot read(Instant cutoff) {
        try (Connection c = connect()) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                Map<UUID, LedgerSnapshot.Wallet> wallets = new LinkedHashMap<>();
                query(c, WALLETS, rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    wallets.put(id, new LedgerSnapshot.Wallet(id, rs.getLong("balance"), rs.getString("currency").trim()));
                });
                Map<UUID, LedgerSnapshot.Transaction> transactions = new LinkedHashMap<>();
                query(c, TRANSACTIONS, rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    transactions.put(id, new LedgerSnapshot.Transaction(id, rs.getObject("wallet_id", UUID.class),
                            rs.getObject("counterparty_wallet_id", UUID.class), rs.getString("type"),
                            rs.getString("status"), rs.getString("failure_reason"), rs.getLong("amount"),
                            rs.getString("currency").trim(), rs.getString("stripe_payment_intent_id"),
                            rs.getString("stripe_transfer_id"), Duration.ofMillis(rs.getLong("age_ms"))));
                });
                Map<UUID, Long> walletSums = new HashMap<>();
                query(c, WALLET_POSTING_SUMS, rs -> walletSums.put(rs.getObject("wallet_id", UUID.class), rs.getLong("total")));
                long[] postingCount = new long[1];
                query(c, POSTING_COUNT, rs -> postingCount[0] = rs.getLong(1));
                List<LedgerSnapshot.PostingGroup> groups = new ArrayList<>();
                query(c, POSTING_GROUPS, rs -> groups.add(new LedgerSnapshot.PostingGroup(
                        rs.getObject("transaction_id", UUID.class), rs.getString("account"),
                        rs.getObject("wallet_id", UUID.class), rs.getString("entry_kind"), rs.getLong("total"),
                        rs.getInt("n"))));
                Map<UUID, Long> unbalanced = new LinkedHashMap<>();
                query(c, UNBALANCED, rs -> unbalanced.put(rs.getObject("transaction_id", UUID.class), rs.getLong("total")));
                List<LedgerSnapshot.OutboxRow> outbox = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(OUTBOX)) {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            outbox.add(new LedgerSnapshot.OutboxRow(PublishedEvent.parse(rs.getString("payload")),
                                    rs.getLong("wallet_sequence"), rs.getBoolean("published"),
                                    rs.getBoolean("published_before_cutoff"), Duration.ofMillis(rs.getLong("waiting_ms"))));
                        }
                    }
                }
                List<LedgerSnapshot.StaleCommand> commands = new ArrayList<>();
                query(c, UNPUBLISHED_COMMANDS, rs -> commands.add(new LedgerSnapshot.StaleCommand(
                        rs.getObject("command_id", UUID.class), Duration.ofMillis(rs.getLong("waiting_ms")))));
                List<LedgerSnapshot.Disagreement> disagreements = new ArrayList<>();
                query(c, OPEN_DISAGREEMENTS, rs -> disagreements.add(new LedgerSnapshot.Disagreement(
                        rs.getObject("transaction_id", UUID.class), rs.getString("stripe_object_id"), rs.getString("field"),
                        rs.getString("recorded"), rs.getString("reported"))));
                Map<UUID, LedgerSnapshot.Purged> purged = new HashMap<>();
                Set<UUID> purgedTransactions = new HashSet<>();
                boolean[] hasPurged = new boolean[1];
                query(c, HAS_PURGED, rs -> hasPurged[0] = rs.getBoolean(1));
                if (hasPurged[0]) {
                    query(c, PURGED, rs -> {
                        UUID wallet = rs.getObject("wallet_id", UUID.class);
                        purged.put(wallet, new LedgerSnapshot.Purged(wallet, rs.getLong("through_sequence"),
                                rs.getLong("postings")));
                    });
                    query(c, PURGED_TRANSACTIONS, rs -> purgedTransactions.add(rs.getObject("id", UUID.class)));
                }
                return new LedgerSnapshot(wallets, transactions, walletSums, postingCount[0], groups, unbalanced,
                        outbox, commands, disagreements, purged, purgedTransactions);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CheckFailedException("cannot read the database at " + url + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }
}
