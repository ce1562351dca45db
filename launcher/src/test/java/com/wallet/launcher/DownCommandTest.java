package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops real JVMs by their pid files, as `bin/wallet down` does. */
class DownCommandTest {

    @TempDir
    Path pids;

    @TempDir
    Path outputs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Process gateway;
    private Process kafka;

    private Process startJvm(String name, String... args) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), Sleeper.class.getName()));
        command.addAll(List.of(args));
        Path output = outputs.resolve(name + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Files.writeString(pids.resolve(name + ".pid"), p.pid() + "\n");
        // started: its main has run (and a stubborn one's shutdown hook is in place)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.readString(output).contains("ready"));
        return p;
    }

    @AfterEach
    void killLeftovers() {
        for (Process p : new Process[] {gateway, kafka}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void shouldStopEveryComponentAndRemoveItsPidFile() throws Exception {
        gateway = startJvm("gateway");
        kafka = startJvm("kafka");
        Files.writeString(pids.resolve("processor-2.pid"), "999999999\n");   // long dead
        Processes processes = new Processes(pids);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> processes.pidOf("gateway").isPresent() && processes.pidOf("kafka").isPresent());

        DownCommand.down(processes, pids, Duration.ofSeconds(20), print(out), print(err));

        assertThat(gateway.isAlive()).isFalse();
        assertThat(kafka.isAlive()).isFalse();
        assertThat(pids).isEmptyDirectory();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("==> stopping gateway (pid " + gateway.pid() + ")", "==> stopping kafka (pid " + kafka.pid() + ")");
        assertThat(printed.indexOf("stopping kafka")).as("the broker after the services").isGreaterThan(printed.indexOf("stopping gateway"));
    }

    @Test
    void shouldKillWhatDoesNotStopWithinTheGrace() throws Exception {
        gateway = startJvm("gateway", "stubborn");
        Processes processes = new Processes(pids);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> processes.pidOf("gateway").isPresent());

        DownCommand.down(processes, pids, Duration.ofSeconds(2), print(out), print(err));

        assertThat(gateway.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gateway (pid " + gateway.pid() + ") did not stop within 2 s: killing it");
    }

    @Test
    void shouldSayWhenThereIsNothingToStop() throws Exception {
        DownCommand.down(new Processes(pids), pids, Duration.ofSeconds(1), print(out), print(err));
        DownCommand.down(new Processes(pids.resolve("none")), pids.resolve("none"), Duration.ofSeconds(1), print(out), print(err));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("nothing to stop\nnothing to stop\n");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
