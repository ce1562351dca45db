package com.wallet.checker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsMainTest {

    @TempDir
    Path dir;

    private String logs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        assertThat(LogsMain.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private void givenLogs() throws Exception {
        Files.write(dir.resolve("gateway.log"), List.of(
                """
                {"@timestamp":"2026-12-03T08:00:00.100Z","log":{"level":"INFO","logger":"g"},"message":"transaction t1 accepted","requestId":"r-1"}""",
                """
                {"@timestamp":"2026-12-03T08:00:00.300Z","log":{"level":"WARN","logger":"g"},"message":"other","requestId":"r-2"}"""));
        Files.write(dir.resolve("processor-1.log"), List.of(
                """
                {"@timestamp":"2026-12-03T08:00:00.200Z","log":{"level":"INFO"},"message":"deposit t1: creating PaymentIntent","requestId":"r-1"}""",
                "OpenJDK 64-Bit Server VM warning: not JSON",
                """
                {"@timestamp":"2026-12-03T08:00:00.400Z","log":{"level":"ERROR"},"message":"failed\\nsecond line","error":{"type":"java.lang.IllegalStateException","message":"boom"}}"""));
        Files.write(dir.resolve("kafka.log"), List.of(
                """
                {"@timestamp":"2026-12-03T08:00:00.250Z","log.level":"INFO","message":"broker line","service.name":"kafka"}"""));
        Files.write(dir.resolve("kafka-tools.log"), List.of("tool output"));
    }

    @Test
    void shouldMergeEveryServiceByTimeOneReadableLinePerEvent() throws Exception {
        givenLogs();

        List<String> lines = logs().lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("2026-12-03 08:00:00.100 gateway ").contains("INFO  r-1 transaction t1 accepted");
        assertThat(lines.get(1)).contains("processor-1").contains("r-1 deposit t1: creating PaymentIntent");
        assertThat(lines.get(2)).contains("processor-1").contains("OpenJDK 64-Bit Server VM warning");
        assertThat(lines.get(3)).contains("kafka").contains("INFO  - broker line");
        assertThat(lines.get(4)).contains("gateway").contains("WARN  r-2 other");
        assertThat(lines.get(5)).contains("ERROR").contains("failed | second line")
                .contains("[java.lang.IllegalStateException: boom]");
        assertThat(String.join("\n", lines)).doesNotContain("tool output").doesNotContain("\u001b[");
    }

    @Test
    void shouldFilterByRequestIdAndByService() throws Exception {
        givenLogs();

        assertThat(logs("--request", "r-1").lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains(" r-1 "));
        assertThat(logs("processor").lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("processor-1"));
        assertThat(logs("processor", "--request", "r-1").lines()).singleElement()
                .satisfies(l -> assertThat(l).contains("creating PaymentIntent"));
    }

    @Test
    void shouldColourTheLevelOnlyWhenAsked() throws Exception {
        givenLogs();

        assertThat(logs("gateway", "--color")).contains("\u001b[32mINFO ").contains("\u001b[33mWARN ");
    }
}
