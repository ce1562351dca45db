package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void shouldGenerateEachSecretOnceReadableByTheOwnerAlone() throws Exception {
        Settings settings = Settings.from(root, Map.of());

        LocalSecrets first = Secrets.ensure(settings, print);
        LocalSecrets second = Secrets.ensure(settings, print);

        assertThat(Base64.getDecoder().decode(first.encryptionKey())).hasSize(32);
        assertThat(first.jwtSecret()).hasSize(64);
        assertThat(second).isEqualTo(first);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "==> generated a local ENCRYPTION_SECRET_KEY in .wallet/secrets/ENCRYPTION_SECRET_KEY\n"
                        + "==> generated a local JWT_SECRET in .wallet/secrets/JWT_SECRET\n");
        Path dir = root.resolve(".wallet/secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("JWT_SECRET")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ENCRYPTION_SECRET_KEY")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("JWT_SECRET"))).isEqualTo(first.jwtSecret());
        assertThat(first.toString()).doesNotContain(first.jwtSecret(), first.encryptionKey());
    }

    @Test
    void shouldTakeTheEnvironmentsSecretsAndWriteNothing() throws Exception {
        Settings settings = Settings.from(root, Map.of("ENCRYPTION_SECRET_KEY", "0123456789abcdef0123456789abcdef",
                "JWT_SECRET", "a-jwt-secret-of-at-least-32-bytes!!"));

        LocalSecrets secrets = Secrets.ensure(settings, print);

        assertThat(secrets).isEqualTo(new LocalSecrets("0123456789abcdef0123456789abcdef", "a-jwt-secret-of-at-least-32-bytes!!"));
        assertThat(root.resolve(".wallet/secrets")).doesNotExist();
        assertThat(out.size()).isZero();
    }

    @Test
    void shouldReadAHandEditedSecretWithoutItsTrailingNewline() throws Exception {
        Settings settings = Settings.from(root, Map.of());
        Files.createDirectories(settings.secrets());
        Files.writeString(settings.secrets().resolve("JWT_SECRET"), "edited-by-hand-and-long-enough-to-sign\n");

        assertThat(Secrets.ensure(settings, print).jwtSecret()).isEqualTo("edited-by-hand-and-long-enough-to-sign");
    }
}
