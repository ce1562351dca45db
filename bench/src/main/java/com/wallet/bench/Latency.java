package com.wallet.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution (HdrHistogram, microsecond resolution, 3 significant digits), read in ms. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The percentile in milliseconds, NaN when nothing was recorded. */
    double percentileMs(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }
}
