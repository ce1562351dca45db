package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-overs to other programs: their arguments, their environment, their end (real processes). */
class HandOffTest {

    @TempDir
    Path root;

    @Test
    void shouldKeepSkipCheckAndPassEverythingElseToTheBench() {
        BenchRun.Arguments args = BenchRun.Arguments.parse(List.of("--transfers", "2000", "--skip-check", "--", "--skip-reads"));

        assertThat(args.bench()).containsExactly("--transfers", "2000", "--", "--skip-reads");
        assertThat(args.check()).isFalse();
        assertThat(BenchRun.Arguments.parse(List.of("--transfers", "5")).check()).isTrue();
        assertThat(BenchRun.Arguments.parse(List.of("--transfers", "--help")).help()).isTrue();
    }

    @Test
    void shouldRunTheChaosJarAloneForHelpAndAPlan() {
        assertThat(ChaosRun.jarAlone(List.of("--seed", "7", "--plan-only"))).isTrue();
        assertThat(ChaosRun.jarAlone(List.of("-h"))).isTrue();
        assertThat(ChaosRun.jarAlone(List.of("--seed", "7"))).isFalse();
    }

    @Test
    void shouldGiveAChildExactlyTheEnvironmentAndItsExitCode() throws Exception {
        Path out = root.resolve("env.txt");
        int rc = new Children(root).run(List.of("sh", "-c", "env > " + out + "; exit 3"), Map.of("PATH", System.getenv("PATH"), "ONLY_THIS", "1"));

        assertThat(rc).isEqualTo(3);
        assertThat(Files.readAllLines(out)).contains("ONLY_THIS=1").noneMatch(l -> l.startsWith("HOME="));
    }

    @Test
    void shouldStopTheRunningChildAndRefuseAnyOther() throws Exception {
        Children children = new Children(root);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return children.run(List.of("sleep", "60"), Map.of("PATH", System.getenv("PATH")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> ProcessHandle.current().children()
                .anyMatch(p -> p.info().command().orElse("").endsWith("sleep")));

        children.stop();

        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(143);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> children.run(List.of("true"), Map.of()))
                .isInstanceOf(LauncherException.class);
    }

    @Test
    void shouldTellWhenStandardOutputIsNoTerminal() {
        // surefire's forked JVM writes to a pipe, as `bin/wallet logs | grep` does
        assertThat(Tools.stdoutIsTerminal()).isFalse();
    }
}
