package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the ledger straight from PostgreSQL to check the money invariants of contract section 6. */
final class Ledger {

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static final String DATABASE_URL = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(DATABASE_URL,
                env("DATABASE_USERNAME", "postgres"), env("DATABASE_PASSWORD", ""));
    }

    /** Each wallet's balance equals the sum of its postings, and no transaction's postings are unbalanced. */
    void assertConsistent(String... walletIds) {
        try (Connection c = connect()) {
            for (String walletId : walletIds) {
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT w.balance, coalesce((SELECT sum(amount) FROM ledger_entries e WHERE e.wallet_id = w.id), 0)
                        FROM wallets w WHERE w.id = ?""")) {
                    s.setObject(1, UUID.fromString(walletId));
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).as("wallet %s exists", walletId).isTrue();
                        assertThat(rs.getLong(1)).as("balance of %s equals the sum of its postings", walletId)
                                .isEqualTo(rs.getLong(2))
                                .isNotNegative();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0");
                 ResultSet rs = s.executeQuery()) {
                List<String> unbalanced = new ArrayList<>();
                while (rs.next()) {
                    unbalanced.add(rs.getString(1));
                }
                assertThat(unbalanced).as("transactions whose postings do not sum to zero").isEmpty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger", e);
        }
    }

    long postingsOf(String transactionId) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM ledger_entries WHERE transaction_id = ?")) {
            s.setObject(1, UUID.fromString(transactionId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger", e);
        }
    }

    /** The fields of this transaction's unresolved stripe_disagreements rows. */
    List<String> openDisagreements(String transactionId) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT field FROM stripe_disagreements WHERE transaction_id = ? AND resolved_at IS NULL")) {
            s.setObject(1, UUID.fromString(transactionId));
            List<String> fields = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fields.add(rs.getString(1));
                }
            }
            return fields;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stripe_disagreements", e);
        }
    }

    /** What an operator does once they looked at them. */
    void resolveDisagreements(String transactionId) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE stripe_disagreements SET resolved_at = now() WHERE transaction_id = ? AND resolved_at IS NULL")) {
            s.setObject(1, UUID.fromString(transactionId));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve stripe_disagreements", e);
        }
    }
}
