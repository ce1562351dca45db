package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Starts one service as bash's {@code start_service} did: nothing when its pid file names a live JVM;
 * a refusal when its port answers for a process bin/wallet did not start; else its log truncated,
 * {@code java -Xmx.. WALLET_JAVA_OPTS -jar MODULE.jar} detached (it outlives the launcher) with its
 * environment, and its pid file written.
 */
final class ServiceStarter {

    private final Settings settings;
    private final Processes processes;
    private final Logs logs;
    private final PrintStream out;

    ServiceStarter(Settings settings, Processes processes, Logs logs, PrintStream out) {
        this.settings = settings;
        this.processes = processes;
        this.logs = logs;
        this.out = out;
    }

    void start(Service service, LocalSecrets secrets) throws IOException {
        start(service, secrets, command(service));
    }

    /** The command line: heap, the common JVM options and the jar; nothing secret (that is the environment's). */
    List<String> command(Service service) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + service.xmx()));
        command.addAll(settings.commonJavaOptions());
        command.addAll(List.of("-jar", settings.jar(service.module()).toString()));
        return command;
    }

    void start(Service service, LocalSecrets secrets, List<String> command) throws IOException {
        OptionalLong running = processes.pidOf(service.name());
        if (running.isPresent()) {
            out.println(service.name() + " already running (pid " + running.getAsLong() + ")");
            return;
        }
        if (Processes.portOpen(service.port())) {
            throw new LauncherException("port " + service.port() + " (for " + service.name()
                    + ") is in use by a process bin/wallet did not start; stop it first");
        }
        out.println("==> starting " + service.name() + " on port " + service.port());
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.pids());
        Files.writeString(logs.of(service.name()), "");
        Process process = Processes.startDetached(command, ServiceEnvironment.of(settings, service, secrets),
                logs.of(service.name()), null);
        Files.writeString(processes.pidFile(service.name()), process.pid() + "\n");
    }
}
