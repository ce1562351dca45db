package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.checker.CheckerConfig;
import com.wallet.checker.InvariantChecker;
import com.wallet.checker.InvariantResult;
import com.wallet.checker.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bin/wallet check's checker against the running system: after real traffic every invariant
 * holds; on a copy of the database with one balance changed by SQL it names that wallet.
 */
class InvariantCheckIT {

    private static final String DATABASE_URL = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");
    static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    static final URI EMULATOR = URI.create(System.getProperty("wallet.stripe", "http://127.0.0.1:12111"));
    private static final String COPY = "wallet_check_copy";

    private final WalletApi api = new WalletApi();

    @Test
    void everyInvariantHoldsAfterDepositsTransfersAndWithdrawals() {
        traffic();

        Report report = new InvariantChecker(CheckerConfig.local(DATABASE_URL, KAFKA, EMULATOR)).run();

        assertThat(report.violations()).as(printed(report)).isEmpty();
        assertThat(report.results()).extracting(InvariantResult::name).contains("balance-not-negative",
                "balance-equals-postings", "postings-sum-to-zero", "double-entry-per-status", "applied-at-most-once",
                "final-before-deadline", "topic-complete-and-ordered", "topic-fold-equals-balances",
                "stripe-payment-intents-credited-once", "stripe-transfers-match-debits", "stripe-disagreements-resolved");
    }

    @Test
    void namesABalanceChangedBySqlInACopyOfTheDatabase() throws Exception {
        String wallet = traffic();
        copyDatabase();
        String copyUrl = DATABASE_URL.substring(0, DATABASE_URL.lastIndexOf('/') + 1) + COPY;
        CheckerConfig onCopy = CheckerConfig.local(DATABASE_URL, KAFKA, EMULATOR).withDatabase(copyUrl);
        Report before = new InvariantChecker(onCopy).run();
        try (Connection c = DriverManager.getConnection(copyUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE wallets SET balance = balance + 1 WHERE id = '" + wallet + "'");
        }

        Report after = new InvariantChecker(onCopy).run();

        assertThat(before.result("balance-equals-postings").violations()).as(printed(before)).isEmpty();
        assertThat(after.passed()).isFalse();
        assertThat(after.result("balance-equals-postings").violations()).as(printed(after))
                .singleElement().asString().startsWith("wallet " + wallet + " balance ");
    }

    /** A funded wallet, a transfer and a withdrawal, all final; returns the payer's wallet. */
    private String traffic() {
        String alice = api.token("check-" + UUID.randomUUID(), false);
        String bob = api.token("check-" + UUID.randomUUID(), false);
        String aliceWallet = api.createWallet(alice, "USD");
        String bobWallet = api.createWallet(bob, "USD");
        api.fund(alice, aliceWallet, 5_000);
        for (String id : List.of(api.transfer(alice, aliceWallet, bobWallet, 1_200, null).path("id").asString(),
                api.withdraw(alice, aliceWallet, 800).path("id").asString())) {
            assertThat(api.awaitFinal(alice, id).path("status").asString()).isEqualTo("COMPLETED");
        }
        return aliceWallet;
    }

    /** CREATE DATABASE ... TEMPLATE needs the source idle; a dump does not. */
    private static void copyDatabase() throws IOException, InterruptedException, SQLException {
        String admin = DATABASE_URL.substring(0, DATABASE_URL.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + COPY);
            s.execute("CREATE DATABASE " + COPY);
        }
        String source = DATABASE_URL.substring(DATABASE_URL.lastIndexOf('/') + 1);
        Process dump = new ProcessBuilder("bash", "-c", "pg_dump -h 127.0.0.1 -U postgres --no-owner " + source
                + " | psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 " + COPY).redirectErrorStream(true).start();
        String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(output).isZero();
    }

    private static String printed(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
