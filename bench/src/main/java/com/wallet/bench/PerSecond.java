package com.wallet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * The completions of one phase, in buckets of one second counted from the phase's origin: each
 * bucket holds the latencies of the operations that finished in it. Thread-safe (the event watcher
 * records from its own thread). A second in which nothing finished is reported as a row with zero
 * operations, so a stall shows as a stall.
 */
final class PerSecond {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final String phase;
    private final long originNanos;
    private final ConcurrentSkipListMap<Integer, Latency> buckets = new ConcurrentSkipListMap<>();
    private final Latency overall = new Latency();

    /** @param originNanos the phase's start on the same clock as the times recorded (System.nanoTime) */
    PerSecond(String phase, long originNanos) {
        this.phase = phase;
        this.originNanos = originNanos;
    }

    /** A phase starting now. */
    static PerSecond startingNow(String phase) {
        return new PerSecond(phase, System.nanoTime());
    }

    String phase() {
        return phase;
    }

    /** One operation that finished at {@code finishedAtNanos} after {@code latencyNanos}. */
    void record(long finishedAtNanos, long latencyNanos) {
        long offset = Math.max(0, finishedAtNanos - originNanos);
        int second = (int) Math.min(Integer.MAX_VALUE, offset / SECOND);
        buckets.computeIfAbsent(second, s -> new Latency()).recordNanos(latencyNanos);
        overall.recordNanos(latencyNanos);
    }

    /** Every recorded latency of the phase, whichever second. */
    Latency overall() {
        return overall;
    }

    /** One row per second from the phase's first second to the last one in which anything finished. */
    List<SecondRow> rows() {
        List<SecondRow> rows = new ArrayList<>();
        if (buckets.isEmpty()) {
            return rows;
        }
        int last = buckets.lastKey();
        for (int second = 0; second <= last; second++) {
            Latency l = buckets.get(second);
            rows.add(l == null
                    ? new SecondRow(phase, second, 0, Double.NaN, Double.NaN)
                    : new SecondRow(phase, second, l.count(), l.percentileMs(50), l.percentileMs(99)));
        }
        return rows;
    }

    /** The rows of several phases, in the order given. */
    static List<SecondRow> rows(List<PerSecond> phases) {
        List<SecondRow> rows = new ArrayList<>();
        for (PerSecond p : phases) {
            rows.addAll(p.rows());
        }
        return rows;
    }
}
