package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldKeepOneBrokerLogPerDatabase() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_launcher?sslmode=disable"));
        KafkaBroker broker = new KafkaBroker(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.out);

        assertThat(broker.dataDir()).isEqualTo(Path.of("/repo/.wallet/kafka/data-wallet_launcher"));
    }

    @Test
    void shouldDefaultToTheWalletDatabasesLog() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of());

        assertThat(new KafkaBroker(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.out).dataDir())
                .isEqualTo(Path.of("/repo/.wallet/kafka/data-wallet"));
    }

    @Test
    void shouldNeverMakeAClusterIdTheStorageToolTakesForAnOption() {
        for (int i = 0; i < 2_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(KafkaBroker.validClusterId(id)).as(id).isTrue();
        }
        // an id an older bin/wallet left behind is replaced before formatting
        assertThat(KafkaBroker.validClusterId("-aUbH9kS0Qm2bQm9T0z3Xg")).isFalse();
        assertThat(KafkaBroker.validClusterId("")).isFalse();
    }
}
