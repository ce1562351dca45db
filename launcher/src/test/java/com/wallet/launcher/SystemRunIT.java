package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.testsupport.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's fresh state against the real PostgreSQL: its own database dropped, its own Kafka log and emulator state gone, nothing else. */
class SystemRunIT {

    private static final String ADMIN_URL = System.getenv().getOrDefault("TEST_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String DB = ("wallet_launcher_fresh" + System.getenv().getOrDefault("TEST_DATABASE_SUFFIX", "")).toLowerCase();

    @TempDir
    Path root;

    @Test
    void shouldDropTheRunsDatabaseAndForgetItsKafkaLogAndEmulatorState() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
        Path kafka = Files.createDirectories(root.resolve(".wallet/kafka/data-" + DB + "/wallet.commands-0"));
        Path otherKafka = Files.createDirectories(root.resolve(".wallet/kafka/data-wallet"));
        Path streams = Files.createDirectories(root.resolve(".wallet/streams/" + DB));
        Path emulator = Files.createDirectories(root.resolve(".wallet/stripe-emulator")).resolve("state-" + DB + ".jsonl");
        Files.writeString(emulator, "{}\n");
        String base = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1);
        Settings settings = Settings.from(root, Map.of("DATABASE_URL", base + "wallet",
                "DATABASE_OWNER_USERNAME", LocalServices.username(), "DATABASE_OWNER_PASSWORD", LocalServices.password()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SystemRun run = new SystemRun("test", settings, new Children(root), new PrintStream(out, true, StandardCharsets.UTF_8));

        run.freshState(DB);

        assertThat(run.env()).containsEntry("DATABASE_URL", base + DB);
        assertThat(run.settings().databaseName()).isEqualTo(DB);
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + DB + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThat(kafka.getParent()).doesNotExist();
        assertThat(streams).doesNotExist();
        assertThat(emulator).doesNotExist();
        assertThat(otherKafka).exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("==> a fresh database for this run: " + DB,
                "==> a fresh Kafka log for this run (.wallet/kafka/data-" + DB + ")",
                "==> a fresh Stripe emulator state for this run (.wallet/stripe-emulator/state-" + DB + ".jsonl)");
    }

    @Test
    void shouldTellWhetherTheOwnerConnects() {
        String base = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1);
        Settings settings = Settings.from(root, Map.of("DATABASE_URL", base + "wallet",
                "DATABASE_OWNER_USERNAME", LocalServices.username(), "DATABASE_OWNER_PASSWORD", LocalServices.password()));

        assertThat(new Database(settings, System.out).ownerConnects()).isTrue();
        assertThat(new Database(Settings.from(root, Map.of("DATABASE_URL", base + "wallet", "DATABASE_OWNER_USERNAME", "no_such_role_here")),
                System.out).ownerConnects()).isFalse();
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(ADMIN_URL, LocalServices.username(), LocalServices.password());
    }
}
