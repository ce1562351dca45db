package com.wallet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * pgbench's per-transaction log ({@code -l}): one line per transaction,
 * {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]}, where
 * {@code time} is the latency in microseconds and {@code time_epoch.time_us} the moment it finished.
 * A failed or skipped transaction has a word instead of its time and is left out. The phase's origin
 * is the start of its first transaction.
 */
final class PgbenchLog {

    private PgbenchLog() {
    }

    /** A finished transaction, microseconds since the epoch and of latency. */
    record Entry(long finishedMicros, long latencyMicros) {
    }

    static List<Entry> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !isNumber(f[2]) || !isNumber(f[4]) || !isNumber(f[5])) {
                continue;
            }
            long latency = Long.parseLong(f[2]);
            long finished = Long.parseLong(f[4]) * 1_000_000L + Long.parseLong(f[5]);
            entries.add(new Entry(finished, latency));
        }
        return entries;
    }

    /** The transactions of one pgbench run, per second since its first transaction began. */
    static PerSecond perSecond(String phase, List<Entry> entries) {
        long origin = entries.stream().mapToLong(e -> e.finishedMicros() - e.latencyMicros()).min().orElse(0);
        PerSecond seconds = new PerSecond(phase, origin * 1000);
        for (Entry e : entries) {
            seconds.record(e.finishedMicros() * 1000, e.latencyMicros() * 1000);
        }
        return seconds;
    }

    /** Every log file pgbench wrote under {@code prefix} (one per thread: prefix.PID, prefix.PID.N). */
    static List<String> readAll(Path dir, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix + ".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
