package com.wallet.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The database named by DATABASE_URL: created when missing, as the owner (DATABASE_OWNER_USERNAME,
 * default postgres; DATABASE_OWNER_PASSWORD), then its schema migrated once by the migrate jar (Flyway),
 * before the services start; they connect as the application role wallet_app, which cannot change it.
 */
final class Database {

    /** A name CREATE DATABASE takes as it is (no quoting, no case folding surprises). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Settings settings;
    private final PrintStream out;

    Database(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    String owner() {
        return settings.value("DATABASE_OWNER_USERNAME", "postgres");
    }

    private String adminUrl() {
        return "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/postgres";
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), owner(), settings.value("DATABASE_OWNER_PASSWORD", ""));
    }

    /** True when the owner can connect and run a statement (what answers on the port is a PostgreSQL that takes it). */
    boolean ownerConnects() {
        try (Connection c = admin(); Statement select = c.createStatement()) {
            select.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops DB (a fixed name of ours, never user input) with whatever is connected to it, unless it is absent. */
    void drop(String db) {
        if (!PLAIN_NAME.matcher(db).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        try (Connection c = admin(); Statement drop = c.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new LauncherException("could not drop the database " + db + ": " + e.getMessage());
        }
    }

    /** Creates the database unless it exists; true when it created it. */
    boolean ensure() {
        String db = settings.databaseName();
        if (!PLAIN_NAME.matcher(db).matches()) {
            throw new LauncherException("database name '" + db + "' (from DATABASE_URL) is not a plain lower-case identifier; create it yourself");
        }
        try (Connection c = admin();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, db);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
            out.println("==> creating database " + db);
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + db);   // a plain identifier, checked above
            }
            return true;
        } catch (SQLException e) {
            // PostgreSQL's message names the role and the database, never a password
            throw new LauncherException("could not create the database " + db + " as " + owner() + " on "
                    + settings.pgHost() + ":" + settings.pgPort() + ": " + e.getMessage());
        }
    }

    /** Hands over to the migrate jar (its lines on our output); a failure is one line naming the database. */
    void migrate() throws IOException, InterruptedException {
        out.println("==> migrating the schema of " + settings.databaseName() + " as " + owner());
        out.flush();
        ProcessBuilder migrate = new ProcessBuilder(migrateCommand()).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        migrate.environment().putAll(migrateEnvironment());
        if (migrate.start().waitFor() != 0) {
            throw new LauncherException("the schema migration of " + settings.databaseName() + " failed");
        }
    }

    List<String> migrateCommand() {
        return List.of("java", "-Xmx128m", "-XX:+UseSerialGC", "-jar", settings.jar("migrate").toString());
    }

    Map<String, String> migrateEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", settings.databaseUrl());
        env.put("DATABASE_OWNER_USERNAME", owner());
        env.put("DATABASE_OWNER_PASSWORD", settings.value("DATABASE_OWNER_PASSWORD", ""));
        return env;
    }
}
