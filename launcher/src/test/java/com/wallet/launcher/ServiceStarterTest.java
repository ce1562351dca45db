package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real JVMs as `bin/wallet up` starts the services: detached, logged, with a pid file. */
class ServiceStarterTest {

    private static final LocalSecrets SECRETS = new LocalSecrets("enc-test-key", "jwt-test-secret-value");

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Long> started = new ArrayList<>();

    private Settings settings() {
        return Settings.from(root, Map.of());
    }

    private ServiceStarter starter(Settings settings) {
        return new ServiceStarter(settings, new Processes(settings.pids()), new Logs(settings.logs()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static List<String> sleeper(String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void shouldStartTheServiceDetachedWithAFreshLogAPidFileAndItsEnvironment() throws Exception {
        Settings settings = settings();
        Files.createDirectories(settings.logs());
        Files.writeString(settings.logs().resolve("gateway.log"), "the previous run's lines\n");
        Service gateway = new Service("gateway", "gateway", freePort(), "512m", Map.of("RATE_LIMIT_MUTATIONS_PER_SECOND", "7"));

        starter(settings).start(gateway, SECRETS, sleeper("env", "SERVER_PORT", "RATE_LIMIT_MUTATIONS_PER_SECOND", "JWT_SECRET"));

        long pid = Long.parseLong(Files.readString(settings.pids().resolve("gateway.pid")).strip());
        started.add(pid);
        assertThat(Files.readString(settings.pids().resolve("gateway.pid"))).isEqualTo(pid + "\n");
        assertThat(new Processes(settings.pids()).pidOf("gateway")).hasValue(pid);
        Path log = settings.logs().resolve("gateway.log");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("ready"));
        assertThat(Files.readString(log)).doesNotContain("the previous run's lines")
                .contains("SERVER_PORT=" + gateway.port(), "RATE_LIMIT_MUTATIONS_PER_SECOND=7", "JWT_SECRET=jwt-test-secret-value");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("==> starting gateway on port " + gateway.port() + "\n");
        // the secrets travel in the environment, never on the command line (ps shows that to every user)
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).doesNotContain("jwt-test-secret-value", "enc-test-key");
        // nothing of the caller's: stdin /dev/null, a session of its own (no terminal's hang-up or Ctrl-C reaches it)
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/0"))).isEqualTo(Path.of("/dev/null"));
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/1"))).isEqualTo(log);
        if (Processes.onPath("setsid")) {
            assertThat(session(pid)).isEqualTo(pid).isNotEqualTo(session(ProcessHandle.current().pid()));
        }
    }

    @Test
    void shouldLeaveARunningServiceAlone() throws Exception {
        Settings settings = settings();
        Files.createDirectories(settings.pids());
        long self = ProcessHandle.current().pid();   // a live JVM: as a service started earlier
        Files.writeString(settings.pids().resolve("gateway.pid"), self + "\n");

        starter(settings).start(new Service("gateway", "gateway", freePort(), "512m", Map.of()), SECRETS, sleeper());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("gateway already running (pid " + self + ")\n");
        assertThat(settings.logs().resolve("gateway.log")).doesNotExist();
    }

    @Test
    void shouldRefuseAPortTakenByAProcessItDidNotStart() throws Exception {
        Settings settings = settings();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Service gateway = new Service("gateway", "gateway", taken.getLocalPort(), "512m", Map.of());

            assertThatThrownBy(() -> starter(settings).start(gateway, SECRETS, sleeper()))
                    .isInstanceOf(LauncherException.class)
                    .hasMessage("port " + taken.getLocalPort() + " (for gateway) is in use by a process bin/wallet did not start; stop it first");
        }
        assertThat(settings.pids().resolve("gateway.pid")).doesNotExist();
        assertThat(settings.logs().resolve("gateway.log")).doesNotExist();
    }

    @Test
    void shouldOutliveTheLauncherThatStartedIt() throws Exception {
        Path log = root.resolve("child.log");
        Path pidFile = root.resolve("child.pid");
        Process launcher = new ProcessBuilder(sleeper("launch", log.toString(), pidFile.toString()))
                .redirectErrorStream(true).redirectOutput(root.resolve("launcher.out").toFile()).start();

        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        assertThat(launcher.exitValue()).isZero();
        long child = Long.parseLong(Files.readString(pidFile).strip());
        started.add(child);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("ready"));
        assertThat(ProcessHandle.of(child)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
        assertThat(ProcessHandle.of(child).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)).isNotEqualTo(java.util.Optional.of(launcher.pid()));
    }

    /** The session id of a process (field 6 of /proc/PID/stat). */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
