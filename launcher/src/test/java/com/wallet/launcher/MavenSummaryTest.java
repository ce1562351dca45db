package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's progress as bin/wallet up shows it, from Maven 3's batch-mode lines. */
class MavenSummaryTest {

    @TempDir
    Path dir;

    @Test
    void shouldShowEachModuleAsItStarts() {
        assertThat(new MavenSummary().line("[INFO] Building gateway 0.1.0-SNAPSHOT                                     [6/15]", 12))
                .contains("    [6/15] gateway          (12 s)");
    }

    @Test
    void shouldShowTheReactorSummaryWithEachModulesTime() {
        MavenSummary summary = new MavenSummary();

        assertThat(summary.line("[INFO] wallet-parent 0.1.0-SNAPSHOT ..................... SUCCESS [  0.412 s]", 3))
                .contains("    wallet-parent            SUCCESS  0.412 s");
        assertThat(summary.line("[INFO] processor .......................................... FAILURE [01:02 min]", 70))
                .contains("    processor                FAILURE  01:02 min");
        assertThat(summary.line("[INFO] e2e ................................................ SKIPPED", 70))
                .contains("    e2e                      SKIPPED  ");
    }

    @Test
    void shouldCountDownloadsAndShowEveryFiftieth() {
        MavenSummary summary = new MavenSummary();
        List<Optional<String>> lines = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> summary.line((i % 2 == 0 ? "[INFO] " : "") + "Downloaded from central: https://repo/a" + i + ".jar", i / 10))
                .toList();

        assertThat(lines.stream().flatMap(Optional::stream)).containsExactly(
                "    resolving dependencies: 50 artifacts downloaded (5 s)",
                "    resolving dependencies: 100 artifacts downloaded (10 s)");
    }

    @Test
    void shouldIgnoreEverythingElse() {
        MavenSummary summary = new MavenSummary();

        assertThat(summary.line("[INFO] --- compiler:3.13.0:compile (default-compile) @ common ---", 1)).isEmpty();
        assertThat(summary.line("[INFO] Tests run: 3, Failures: 0", 1)).isEmpty();
    }

    @Test
    void shouldNameTheFailingModuleAndAnOldJdk() {
        List<String> log = List.of("[ERROR] Failed to execute goal ... invalid target release: 17",
                "[INFO] common ............................................. SUCCESS [  1.0 s]",
                "[INFO] gateway ............................................ FAILURE [  2.0 s]");

        assertThat(MavenSummary.failure(log)).isEqualTo("maven failed in module gateway (likely cause: a JDK older than 17)");
        assertThat(MavenSummary.failure(List.of("[ERROR] boom"))).isEqualTo("maven failed");
        assertThat(MavenSummary.errors(log)).containsExactly("[ERROR] Failed to execute goal ... invalid target release: 17");
    }

    @Test
    void shouldCopyARealProcessesOutputToTheLogAndPrintTheSummary() throws Exception {
        Path lines = dir.resolve("mvn.out");
        Files.writeString(lines, """
                [INFO] Scanning for projects...
                [INFO] Building common 0.1.0-SNAPSHOT                                     [2/15]
                [INFO] common ............................................. SUCCESS [  1.5 s]
                """);
        Process cat = new ProcessBuilder("cat", lines.toString()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path log = dir.resolve("build.log");

        Build.summarise(cat.getInputStream(), log, System.nanoTime(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(cat.waitFor()).isZero();
        assertThat(Files.readString(log)).isEqualTo(Files.readString(lines));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "    [2/15] common           (0 s)\n    common                   SUCCESS  1.5 s\n");
    }
}
