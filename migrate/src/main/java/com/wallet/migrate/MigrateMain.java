package com.wallet.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGConnection;

/**
 * The one place the schema changes: runs the Flyway migrations once, as the database owner
 * ({@code DATABASE_OWNER_USERNAME} / {@code DATABASE_OWNER_PASSWORD}), before the services start.
 * The services connect as the application role ({@code DATABASE_USERNAME}, wallet_app), which owns
 * nothing and cannot change the schema, and do not run Flyway themselves.
 *
 * <p>Environment: {@code DATABASE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/wallet}),
 * {@code DATABASE_OWNER_USERNAME} (default {@code postgres}), {@code DATABASE_OWNER_PASSWORD}; and,
 * where the services log in as wallet_app itself with a password (a container), {@code
 * DATABASE_PASSWORD}: it becomes wallet_app's password (hashed here with SCRAM, never sent or logged
 * in clear). Exit 0 when the schema is current; 1 with one line naming what failed.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    static final String APP_ROLE = "wallet_app";

    public static void main(String[] args) {
        String url = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");
        String owner = env("DATABASE_OWNER_USERNAME", "postgres");
        String ownerPassword = env("DATABASE_OWNER_PASSWORD", "");
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(url, owner, ownerPassword)
                    .locations("classpath:db/migration")
                    .load();
            MigrateResult result = flyway.migrate();
            var current = flyway.info().current();
            System.out.printf("migrate: database %s at schema version %s as %s (%d migration(s) applied)%n",
                    result.database, current == null ? "none" : current.getVersion(), owner, result.migrationsExecuted);
        } catch (FlywayException e) {
            // Flyway's message names the migration and the database error; it never holds the password.
            System.err.println("migrate: the schema migration failed as " + owner + ": " + e.getMessage());
            System.exit(1);
        }
        String appPassword = env("DATABASE_PASSWORD", "");
        if (!appPassword.isEmpty() && APP_ROLE.equals(env("DATABASE_USERNAME", APP_ROLE))) {
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
                c.unwrap(PGConnection.class).alterUserPassword(APP_ROLE, appPassword.toCharArray(), "scram-sha-256");
                System.out.println("migrate: the password of " + APP_ROLE + " is set");
            } catch (SQLException e) {
                System.err.println("migrate: could not set the password of " + APP_ROLE + " as " + owner + ": "
                        + e.getSQLState());
                System.exit(1);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
