package com.wallet.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
