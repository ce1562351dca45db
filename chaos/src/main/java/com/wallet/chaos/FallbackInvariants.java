package com.wallet.chaos;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Stopgap until {@code bin/wallet check} lands (contract 6: 1, 2 and the Stripe side of 7): no
 * negative balance, balances equal their postings, postings of each transaction sum to zero; and,
 * for this run's transactions, each succeeded PaymentIntent credited once for its amount and each
 * Transfer matched by one debit that was never given back.
 */
final class FallbackInvariants {

    private static final String NEGATIVE = "SELECT id, balance FROM wallets WHERE balance < 0";
    private static final String BALANCE_VS_POSTINGS = """
            SELECT w.id, w.balance, COALESCE(p.total, 0) AS postings
            FROM wallets w
            LEFT JOIN (SELECT wallet_id, sum(amount) AS total FROM ledger_entries
                       WHERE account = 'WALLET' GROUP BY wallet_id) p ON p.wallet_id = w.id
            WHERE w.balance <> COALESCE(p.total, 0)""";
    private static final String UNBALANCED = """
            SELECT transaction_id, sum(amount) FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0""";
    private static final String POSTED = """
            SELECT t.type, t.status, t.amount,
                   COALESCE(sum(l.amount) FILTER (WHERE l.account = 'WALLET' AND l.entry_kind = ?), 0) AS posted,
                   COALESCE(sum(l.amount) FILTER (WHERE l.account = 'WALLET' AND l.entry_kind = 'WITHDRAWAL_REVERSAL'), 0) AS given_back
            FROM transactions t LEFT JOIN ledger_entries l ON l.transaction_id = t.id
            WHERE t.id = ?::uuid GROUP BY t.id""";

    private final Quiescence.Database database;
    private final Http http;
    private final String emulatorBase;

    FallbackInvariants(Quiescence.Database database, Http http, String emulatorBase) {
        this.database = database;
        this.http = http;
        this.emulatorBase = emulatorBase;
    }

    String describe() {
        return "negative balances, balance = postings, postings sum to zero, this run's PaymentIntents and Transfers";
    }

    List<String> check(Set<String> runTransactions) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            rows(c, NEGATIVE, rs -> violations.add("negative balance: wallet " + rs.getString(1) + " = " + rs.getLong(2)));
            rows(c, BALANCE_VS_POSTINGS, rs -> violations.add("balance != postings: wallet " + rs.getString(1)
                    + " balance " + rs.getLong(2) + ", postings " + rs.getLong(3)));
            rows(c, UNBALANCED, rs -> violations.add("postings do not sum to zero: transaction " + rs.getString(1)
                    + " sums to " + rs.getLong(2)));
            for (JsonNode pi : objects("payment_intent")) {
                String tx = pi.path("metadata").path("transaction_id").asString("");
                if (runTransactions.contains(tx) && pi.path("status").asString("").equals("succeeded")) {
                    posted(c, tx, "DEPOSIT", (type, status, amount, credited, givenBack) -> {
                        if (credited != pi.path("amount").asLong()) {
                            violations.add("PaymentIntent " + pi.path("id").asString() + " succeeded for "
                                    + pi.path("amount").asLong() + " but deposit " + tx + " (" + status + ") credited " + credited);
                        }
                    });
                }
            }
            for (JsonNode transfer : objects("transfer")) {
                String tx = transfer.path("metadata").path("transaction_id").asString("");
                if (runTransactions.contains(tx) && transfer.path("amount_reversed").asLong(0) == 0) {
                    posted(c, tx, "WITHDRAWAL", (type, status, amount, debited, givenBack) -> {
                        if (debited != -transfer.path("amount").asLong() || givenBack != 0 || status.equals("FAILED")) {
                            violations.add("Transfer " + transfer.path("id").asString() + " of " + transfer.path("amount").asLong()
                                    + " exists but withdrawal " + tx + " is " + status + ", debited " + (-debited)
                                    + ", given back " + givenBack);
                        }
                    });
                }
            }
        } catch (SQLException e) {
            throw new IOException("the fallback checks could not read PostgreSQL: " + e.getMessage(), e);
        }
        return violations;
    }

    private List<JsonNode> objects(String type) throws IOException {
        Http.Reply reply = http.send("GET", emulatorBase + "/_emulator/objects?type=" + type, null, null);
        List<JsonNode> list = new ArrayList<>();
        reply.body().forEach(list::add);
        return list;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private interface Posted {
        void accept(String type, String status, long amount, long posted, long givenBack);
    }

    private static void rows(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private static void posted(Connection c, String tx, String kind, Posted posted) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(POSTED)) {
            s.setString(1, kind);
            s.setString(2, tx);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    posted.accept(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                } else {
                    posted.accept("?", "MISSING", 0, 0, 0);
                }
            }
        }
    }
}
