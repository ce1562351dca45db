package com.wallet.checker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DlqMainTest {

    private static DeadLetters.DeadLetter letter(String value) {
        return new DeadLetters.DeadLetter("wallet.commands.dlq", 3, 17, Instant.parse("2026-12-03T08:00:00Z"),
                "w-1".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                "database constraint violated (SQLState 23505)", "org.postgresql.util.PSQLException",
                null, "3", "41", "req-1");
    }

    @Test
    void shouldShowIdsReasonAndSizeButNeverThePayload() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DlqMain.show(letter("""
                {"commandId":"c-1","walletId":"w-1","keyId":"k1","payload":"SECRET-CIPHERTEXT"}"""),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("wallet.commands.dlq:3:17").contains("key:        w-1")
                .contains("database constraint violated (SQLState 23505)").contains("request id: req-1")
                .contains("commandId=c-1").contains("keyId=k1").contains("replays to: wallet.commands")
                .doesNotContain("SECRET-CIPHERTEXT");
    }

    @Test
    void shouldDescribeAValueThatIsNotJsonBySizeOnly() {
        assertThat(DlqMain.describe("this is not json".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("16 bytes, not JSON");
    }

    @Test
    void shouldRefuseABadReferenceWithoutTouchingKafka() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = DlqMain.run(new String[] {"show", "wallet.commands:1:2"}, Map.of("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:1"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a dead letter reference");
    }
}
