package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LikelyCauseTest {

    private final Settings settings = Settings.from(Path.of("/repo"), Map.of(
            "DATABASE_URL", "jdbc:postgresql://127.0.0.1:5433/wallet_x",
            "REDIS_URL", "redis://:s3cret@127.0.0.1:6380,redis://u:p@127.0.0.1:6381"));

    private String cause(String log, Integer port) {
        return LikelyCause.of(log.lines().toList(), new LikelyCause.Context("gateway", port, settings)).orElse(null);
    }

    @Test
    void shouldNameTheTakenPort() {
        assertThat(cause("java.net.BindException: Address already in use", 8080))
                .isEqualTo("port 8080 is taken by another process (ss -ltnp | grep 8080)");
        assertThat(cause("Web server failed to start. Port already in use", null))
                .isEqualTo("port of gateway is taken by another process (ss -ltnp | grep PORT)");
    }

    @Test
    void shouldTellPostgresCredentialsFromAnUnreachableDatabase() {
        assertThat(cause("FATAL: password authentication failed for user \"wallet_app\"", 8080))
                .isEqualTo("PostgreSQL refused the credentials (DATABASE_USERNAME / DATABASE_PASSWORD)");
        assertThat(cause("FATAL: role \"wallet_app\" does not exist", 8080))
                .isEqualTo("PostgreSQL refused the credentials (DATABASE_USERNAME / DATABASE_PASSWORD)");
        assertThat(cause("org.postgresql.util.PSQLException: Connection to 127.0.0.1:5433 refused.", 8080))
                .isEqualTo("PostgreSQL refused the connection at jdbc:postgresql://127.0.0.1:5433/wallet_x");
        assertThat(cause("FATAL: database \"wallet_x\" does not exist", 8080))
                .isEqualTo("PostgreSQL refused the connection at jdbc:postgresql://127.0.0.1:5433/wallet_x");
    }

    @Test
    void shouldMatchAcrossLinesAsBashGlobsDid() {
        assertThat(cause("org.postgresql.util.PSQLException: FATAL\n  ... the c\nonnection attempt failed", 8080))
                .startsWith("PostgreSQL refused the connection");
    }

    @Test
    void shouldNeverPrintTheRedisPassword() {
        assertThat(cause("org.redisson.client.RedisConnectionException: Unable to connect to Redis server", 8080))
                .isEqualTo("Redis did not answer at redis://***@127.0.0.1:6380,redis://***@127.0.0.1:6381")
                .doesNotContain("s3cret");
        assertThat(cause("WRONGPASS invalid username-password pair", 8080)).startsWith("Redis refused the password");
    }

    @Test
    void shouldTakeTheFirstRuleInOrder() {
        // an old JDK explains everything after it
        assertThat(cause("UnsupportedClassVersionError\nBindException", 8080)).startsWith("this java is older");
        assertThat(cause("Migration V3__x.sql failed\nOutOfMemoryError", 8080)).isEqualTo("a database migration failed (the Flyway error above)");
    }

    @Test
    void shouldNameKafkaSecretsAndMemory() {
        assertThat(cause("Connection to node -1 (/127.0.0.1:9092) could not be established", 8080))
                .isEqualTo("Kafka did not answer at 127.0.0.1:9092");
        assertThat(cause("JWT_SECRET is missing", 8080)).isEqualTo("a secret is missing or malformed (the variable named above)");
        assertThat(cause("java.lang.OutOfMemoryError: Java heap space", 8080)).isEqualTo("the JVM ran out of memory (WALLET_JAVA_OPTS)");
        assertThat(cause("Started GatewayApplication in 9.1 seconds", 8080)).isNull();
    }

    @Test
    void shouldReadOnlyTheEndOfTheLog(@TempDir Path dir) throws IOException {
        Logs logs = new Logs(dir);
        StringBuilder log = new StringBuilder("java.net.BindException: Address already in use\n");
        for (int i = 0; i < 400; i++) {
            log.append("INFO all is well ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("gateway.log"), log);
        LikelyCause.Context context = new LikelyCause.Context("gateway", 8080, settings);

        assertThat(LikelyCause.suffix(logs, context)).isEmpty();

        Files.writeString(dir.resolve("gateway.log"), "FlywayValidateException: checksum mismatch\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(LikelyCause.suffix(logs, context)).isEqualTo(" (likely cause: a database migration failed (the Flyway error above))");
        assertThat(logs.tail("gateway", 2)).isEqualTo(List.of("INFO all is well 399", "FlywayValidateException: checksum mismatch"));
        assertThat(logs.tail("gateway", Integer.MAX_VALUE)).hasSize(402);
        assertThat(logs.contains("gateway", "checksum mismatch")).isTrue();
        assertThat(logs.contains("kafka", "Kafka Server started")).isFalse();
    }
}
