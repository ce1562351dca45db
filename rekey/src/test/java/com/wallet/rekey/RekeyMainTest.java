package com.wallet.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RekeyMainTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return RekeyMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBadPreviousKeyStopsItNamingTheVariableNeverTheValue() {
        assertThat(run(Map.of("ENCRYPTION_SECRET_KEY", KEY, "ENCRYPTION_PREVIOUS_KEYS", "not-a-valid-key"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wallet rekey: ENCRYPTION_PREVIOUS_KEYS is invalid")
                .doesNotContain("not-a-valid-key");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingCurrentKeyStopsIt() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ENCRYPTION_SECRET_KEY is not set");
    }

    @Test
    void anUnreachableDatabaseIsCannotRunNotDone() {
        assertThat(run(Map.of("ENCRYPTION_SECRET_KEY", KEY), "--database-url", "jdbc:postgresql://127.0.0.1:1/none",
                "--no-kafka")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wallet rekey: cannot run").doesNotContain(KEY);
    }

    @Test
    void refusesUnknownOptions() {
        assertThat(run(Map.of("ENCRYPTION_SECRET_KEY", KEY), "--bogus")).isEqualTo(2);
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: bin/wallet rekey");
    }
}
