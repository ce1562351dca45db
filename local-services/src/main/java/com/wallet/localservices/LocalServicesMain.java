package com.wallet.localservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import redis.embedded.RedisServer;

/**
 * An embedded PostgreSQL 15 or Redis for a machine that has neither, run by bin/wallet in the
 * background (one process per server, with a pid file) where nothing answers on the port:
 *
 * <pre>
 *   java -jar local-services.jar postgres --port 5432 --data .wallet/pg
 *   java -jar local-services.jar redis    --port 6379 --data .wallet/redis
 *   java -jar local-services.jar sql      --host 127.0.0.1 --port 5432 --user postgres "SELECT 1"
 * </pre>
 *
 * Once the server accepts connections it prints one line starting with {@code READY} (bin/wallet
 * waits for it), then runs until SIGTERM, when it stops the server cleanly. The data directory
 * is kept, so the next start finds the same databases. {@code sql} runs one statement against the
 * {@code postgres} database and prints its rows like {@code psql -tA}, for a machine without a
 * PostgreSQL client (the password, if any, comes from {@code DATABASE_PASSWORD}).
 */
public final class LocalServicesMain {

    public static final String READY = "READY";

    private LocalServicesMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sql".equals(args[0])) {
            System.exit(AdminSql.run(args));
        }
        Options options = Options.parse(args);
        AutoCloseable server = switch (options.kind()) {
            case "postgres" -> startPostgres(options);
            case "redis" -> startRedis(options);
            default -> throw new IllegalArgumentException("unknown server " + options.kind() + " (postgres or redis)");
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping " + options.kind() + " failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "local-services-stop"));
        stopped.await();
    }

    static EmbeddedPostgresServer startPostgres(Options options) throws IOException {
        Files.createDirectories(options.data());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(options.port())
                .setDataDirectory(options.data())
                // Kept across restarts, like the machine's own cluster; zonky runs initdb only when empty.
                .setCleanDataDirectory(false)
                // Our own hook stops it (after the log line), not zonky's.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                // zonky turns this off for speed; a ledger's commit should mean what it says.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        String version = serverVersion(pg);
        System.out.printf("%s PostgreSQL: embedded (zonky %s) at 127.0.0.1:%d, data %s%n",
                READY, version, options.port(), options.data());
        return new EmbeddedPostgresServer(pg);
    }

    private static String serverVersion(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (Exception e) {
            return "15";
        }
    }

    static RedisServerHandle startRedis(Options options) throws IOException {
        Files.createDirectories(options.data());
        RedisServer redis = RedisServer.newRedisServer()
                .port(options.port())
                .bind("127.0.0.1")
                // A cache of locks, sessions and rate limits, as with the machine's: nothing to persist.
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + options.data().toAbsolutePath())
                .build();
        redis.start();
        System.out.printf("%s Redis: embedded (6.2) at 127.0.0.1:%d, data %s%n", READY, options.port(), options.data());
        return new RedisServerHandle(redis);
    }

    record EmbeddedPostgresServer(EmbeddedPostgres pg) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            pg.close();
        }
    }

    record RedisServerHandle(RedisServer redis) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            redis.stop();
        }
    }

    record Options(String kind, int port, Path data) {

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("usage: postgres|redis --port N --data DIR");
            }
            String kind = args[0];
            int port = "postgres".equals(kind) ? 5432 : 6379;
            Path data = Path.of(".wallet", "postgres".equals(kind) ? "pg" : "redis");
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--data" -> data = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(kind, port, data);
        }
    }
}
