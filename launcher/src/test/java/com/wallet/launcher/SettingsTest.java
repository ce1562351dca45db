package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void shouldDefaultToTheLocalPorts() {
        Settings s = Settings.from(Path.of("/repo"), Map.of());

        assertThat(s.pgHost()).isEqualTo("127.0.0.1");
        assertThat(s.pgPort()).isEqualTo(5432);
        assertThat(s.redisPort()).isEqualTo(6379);
        assertThat(s.upTimeoutSeconds()).isEqualTo(240);
        assertThat(s.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/wallet");
        assertThat(s.logs()).isEqualTo(Path.of("/repo/.wallet/logs"));
    }

    @Test
    void shouldReadPostgresAndRedisFromTheirUrls() {
        Settings s = Settings.from(Path.of("/repo"), Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.local:5433/wallet_x?ssl=true",
                "REDIS_URL", "redis://:pw@127.0.0.1:6380,redis://127.0.0.1:6381"));

        assertThat(s.pgHost()).isEqualTo("db.local");
        assertThat(s.pgPort()).isEqualTo(5433);
        assertThat(s.redisPort()).isEqualTo(6380);
    }

    @Test
    void shouldNumberProcessorPortsByTen() {
        Settings s = Settings.from(Path.of("/repo"), Map.of("PROCESSOR_INSTANCES", "3"));

        assertThat(s.components()).extracting(c -> c.name() + ":" + c.port()).containsExactly(
                "kafka:9092", "stripe-emulator:12111", "gateway:8080",
                "processor-1:8081", "processor-2:8091", "processor-3:8101", "webhook-ingest:8082");
    }

    @Test
    void shouldRefuseAProcessorCountOutsideOneToNinetyNine() {
        assertThatThrownBy(() -> Settings.from(Path.of("/repo"), Map.of("PROCESSOR_INSTANCES", "0")))
                .hasMessage("PROCESSOR_INSTANCES must be a number from 1 to 99 (got '0')");
        assertThatThrownBy(() -> Settings.from(Path.of("/repo"), Map.of("PROCESSOR_INSTANCES", "100")))
                .isInstanceOf(LauncherException.class);
    }

    @Test
    void shouldFormatUptimeAsBinWalletDid() {
        assertThat(Processes.formatUptime(12)).isEqualTo("12s");
        assertThat(Processes.formatUptime(185)).isEqualTo("3m05s");
        assertThat(Processes.formatUptime(3720)).isEqualTo("1h02m");
    }

    @Test
    void shouldSplitWalletJavaOptsOnBlanksAndTakeTheDefaultForEmpty() {
        assertThat(Settings.from(Path.of("/repo"), Map.of("WALLET_JAVA_OPTS", "  -XX:+ExitOnOutOfMemoryError   -Xss1m ")).commonJavaOptions())
                .containsExactly("-XX:+ExitOnOutOfMemoryError", "-Xss1m");
        assertThat(Settings.from(Path.of("/repo"), Map.of("WALLET_JAVA_OPTS", "")).commonJavaOptions())
                .containsExactly("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void shouldNameTheDatabaseAndWhatIsKeptPerDatabase() {
        Settings s = Settings.from(Path.of("/repo"), Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x?sslmode=disable"));

        assertThat(s.databaseName()).isEqualTo("wallet_x");
        assertThat(s.streamsStateDir()).isEqualTo(Path.of("/repo/.wallet/streams/wallet_x"));
        assertThat(Settings.from(Path.of("/repo"), Map.of()).databaseName()).isEqualTo("wallet");
    }
}
