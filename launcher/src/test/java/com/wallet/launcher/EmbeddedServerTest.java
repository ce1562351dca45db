package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers as `up` starts them, with a JVM standing in for local-services (real processes). */
class EmbeddedServerTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Settings settings() {
        return Settings.from(root, Map.of());
    }

    private EmbeddedServer server(Settings settings) {
        return new EmbeddedServer(settings, new Processes(settings.pids()), new Logs(settings.logs()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static List<String> sleeper(String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @AfterEach
    void stopIt() {
        new Processes(settings().pids()).pidOf("local-postgres").ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void shouldStartItDetachedAndReportItsReadyLine() throws Exception {
        Settings settings = settings();
        String ready = "READY PostgreSQL: embedded (15.8) at 127.0.0.1:55432, data " + root + "/.wallet/pg";

        server(settings).up(EmbeddedServer.Kind.POSTGRES, 55432, sleeper("say", ready), 30);

        assertThat(new Processes(settings.pids()).pidOf("local-postgres")).isPresent();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "==> nothing answers on 127.0.0.1:55432: starting an embedded PostgreSQL (local-services)\n"
                        + "PostgreSQL: embedded (15.8) at 127.0.0.1:55432, data .wallet/pg\n");
    }

    @Test
    void shouldNameTheServerThatExitedDuringStartUp() {
        Settings settings = settings();

        assertThatThrownBy(() -> server(settings).up(EmbeddedServer.Kind.POSTGRES, 55432,
                sleeper("say-and-exit", "java.net.BindException: Address already in use"), 30))
                .isInstanceOf(LauncherException.class)
                .hasMessage("the embedded PostgreSQL exited during start-up (likely cause: port 55432 is taken by another process (ss -ltnp | grep 55432))");
        assertThat(settings.pids().resolve("local-postgres.pid")).doesNotExist();
    }

    @Test
    void shouldRunTheLocalServicesJarOnTheGivenPortAndData() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of());

        assertThat(server(settings).command(EmbeddedServer.Kind.REDIS, 56379)).containsExactly("java", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/repo/local-services/target/local-services-" + Settings.VERSION + ".jar",
                "redis", "--port", "56379", "--data", "/repo/.wallet/redis-56379");
        assertThat(Files.exists(Path.of("/repo/.wallet"))).isFalse();
    }

    @Test
    void shouldKeepTheUsualPortsDataApartFromAnyOtherPorts() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of());

        assertThat(server(settings).command(EmbeddedServer.Kind.POSTGRES, 5432)).endsWith("--data", "/repo/.wallet/pg");
        assertThat(server(settings).command(EmbeddedServer.Kind.POSTGRES, 55432)).endsWith("--data", "/repo/.wallet/pg-55432");
        assertThat(server(settings).command(EmbeddedServer.Kind.REDIS, 6379)).endsWith("--data", "/repo/.wallet/redis");
    }
}
