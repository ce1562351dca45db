package com.wallet.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one place the schema changes: runs the Flyway migrations once, as the database owner
 * ({@code DATABASE_OWNER_USERNAME} / {@code DATABASE_OWNER_PASSWORD}), before the services start.
 * The services connect as the application role ({@code DATABASE_USERNAME}, wallet_app), which owns
 * nothing and cannot change the schema, and do not run Flyway themselves.
 *
 * <p>Environment: {@code DATABASE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/wallet}),
 * {@code DATABASE_OWNER_USERNAME} (default {@code postgres}), {@code DATABASE_OWNER_PASSWORD}. Exit
 * 0 when the schema is current; 1 with one line naming what failed.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        String url = env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");
        String owner = env("DATABASE_OWNER_USERNAME", "postgres");
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, owner, env("DATABASE_OWNER_PASSWORD", ""))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            System.out.printf("migrate: database %s at schema version %s as %s (%d migration(s) applied)%n",
                    result.database, result.targetSchemaVersion == null ? "none" : result.targetSchemaVersion,
                    owner, result.migrationsExecuted);
        } catch (FlywayException e) {
            // Flyway's message names the migration and the database error; it never holds the password.
            System.err.println("migrate: the schema migration failed as " + owner + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
