package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment each tool's jar gets: bin/wallet's defaults, the caller's values over them. */
class ToolsTest {

    @TempDir
    Path root;

    @Test
    void shouldGiveTheCheckerTheOwnerAndTheLocalAddressesByDefault() {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5433/wallet_x", "PATH", "/usr/bin");
        Tools tools = new Tools(Settings.from(root, env), env, new Children(root));

        assertThat(tools.checkEnvironment()).containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5433/wallet_x")
                .containsEntry("DATABASE_USERNAME", "postgres").containsEntry("DATABASE_PASSWORD", "")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092").containsEntry("STRIPE_API_BASE", "http://127.0.0.1:12111")
                .containsEntry("PATH", "/usr/bin");
    }

    @Test
    void shouldGiveRekeyTheApplicationRoleAndTheLocalSecretsWhereTheEnvironmentHasNone() throws Exception {
        Map<String, String> env = Map.of("ENCRYPTION_PREVIOUS_KEYS", "old", "DATABASE_USERNAME", "someone");
        Tools tools = new Tools(Settings.from(root, env), env, new Children(root));

        Map<String, String> rekey = tools.rekeyEnvironment();

        assertThat(rekey).containsEntry("DATABASE_USERNAME", "someone").containsEntry("ENCRYPTION_PREVIOUS_KEYS", "old")
                .containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");
        assertThat(rekey.get("ENCRYPTION_SECRET_KEY")).isEqualTo(Files.readString(root.resolve(".wallet/secrets/ENCRYPTION_SECRET_KEY")));
        assertThat(new Tools(Settings.from(root, Map.of()), Map.of(), new Children(root)).rekeyEnvironment())
                .containsEntry("DATABASE_USERNAME", "wallet_app");
    }
}
