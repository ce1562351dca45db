package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.testsupport.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** up's database step against the real PostgreSQL: created once, as the owner. */
class DatabaseIT {

    private static final String ADMIN_URL = System.getenv().getOrDefault("TEST_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String DB = ("wallet_launcher_db" + System.getenv().getOrDefault("TEST_DATABASE_SUFFIX", "")).toLowerCase();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Settings settings(String database) {
        return Settings.from(Path.of("/repo"), Map.of(
                "DATABASE_URL", ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database,
                "DATABASE_OWNER_USERNAME", LocalServices.username(), "DATABASE_OWNER_PASSWORD", LocalServices.password()));
    }

    @BeforeEach
    @AfterEach
    void dropTheTestDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, LocalServices.username(), LocalServices.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @Test
    void shouldCreateTheDatabaseOnceAsTheOwner() throws Exception {
        Database database = new Database(settings(DB), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(database.ensure()).isTrue();
        assertThat(database.ensure()).isFalse();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("==> creating database " + DB + "\n");
        try (Connection c = DriverManager.getConnection(ADMIN_URL, LocalServices.username(), LocalServices.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + DB + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(LocalServices.username());
        }
    }

    @Test
    void shouldRefuseANameItWouldHaveToQuote() {
        Database database = new Database(settings("Wallet-X"), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThatThrownBy(database::ensure).isInstanceOf(LauncherException.class)
                .hasMessage("database name 'Wallet-X' (from DATABASE_URL) is not a plain lower-case identifier; create it yourself");
    }

    @Test
    void shouldHandTheMigrationToTheMigrateJarWithTheOwnersCredentialsInItsEnvironment() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x",
                "DATABASE_OWNER_PASSWORD", "owner-pw"));
        Database database = new Database(settings, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(database.migrateCommand()).containsExactly("java", "-Xmx128m", "-XX:+UseSerialGC", "-jar",
                "/repo/migrate/target/migrate-" + Settings.VERSION + ".jar");
        assertThat(database.migrateEnvironment()).containsExactly(Map.entry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x"),
                Map.entry("DATABASE_OWNER_USERNAME", "postgres"), Map.entry("DATABASE_OWNER_PASSWORD", "owner-pw"));
    }
}
