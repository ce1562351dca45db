package com.wallet.launcher;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The pid files under .wallet/pids and the processes and ports behind them. */
public final class Processes {

    private final Path pids;

    public Processes(Path pids) {
        this.pids = pids;
    }

    public Path pidFile(String name) {
        return pids.resolve(name + ".pid");
    }

    /**
     * The pid recorded for NAME when that process is still alive and still a JVM (so a pid reused by
     * an unrelated process after a reboot is never taken for ours).
     */
    public OptionalLong pidOf(String name) {
        Path file = pidFile(name);
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (!text.matches("[0-9]{1,10}")) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(text);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return OptionalLong.empty();
        }
        Path cmdline = Path.of("/proc", text, "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
                if (!command.contains("java")) {
                    return OptionalLong.empty();
                }
            } catch (IOException e) {
                // gone between the checks: treat as not ours
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(pid);
    }

    public void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            // nothing to do: the next pidOf reads a dead pid and ignores it
        }
    }

    /**
     * Starts COMMAND (environment ENV on top of this JVM's) to outlive this launcher and the shell that
     * ran it: in a session of its own (setsid, where installed, else nohup against the terminal's
     * hang-up), so neither a closing terminal nor Ctrl-C on a later command reaches it; stdin from
     * /dev/null and stdout and stderr appended to LOG. No descriptor of ours is inherited (the JDK
     * closes them), a flock held by the caller among them. Returns once the JVM has exec'd, so
     * {@link #pidOf} sees it; the pid is the java process's own (setsid and nohup exec, never fork, here).
     * DIRECTORY: its working directory, or null for the caller's (as bash's {@code nohup java ... &}).
     */
    public static Process startDetached(List<String> command, Map<String, String> env, Path log, Path directory)
            throws IOException {
        List<String> detached = new ArrayList<>();
        if (onPath("setsid")) {
            detached.add("setsid");
        } else if (onPath("nohup")) {
            detached.add("nohup");
        }
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        awaitExec(process.pid(), command.get(0));
        return process;
    }

    /** Waits (5 s at most) until a just-started process has exec'd PROGRAM, so pidOf (a java command line) sees it. */
    static void awaitExec(long pid, String program) {
        Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
        for (int i = 0; i < 50; i++) {
            try {
                if (!Files.isReadable(cmdline)
                        || new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).startsWith(program)) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static boolean onPath(String program) {
        return which(program).isPresent();
    }

    /** Where PROGRAM is on PATH (bash's command -v). */
    static Optional<Path> which(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** True when something accepts TCP connections on 127.0.0.1:PORT. */
    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How long the process has run (1h02m, 3m05s, 12s), or - when unknown. */
    public static String uptime(OptionalLong pid) {
        if (pid.isEmpty()) {
            return "-";
        }
        return ProcessHandle.of(pid.getAsLong())
                .flatMap(h -> h.info().startInstant())
                .map(start -> formatUptime(Duration.between(start, Instant.now()).toSeconds()))
                .orElse("-");
    }

    static String formatUptime(long seconds) {
        if (seconds >= 3600) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return Math.max(seconds, 0) + "s";
    }
}
