package com.wallet.bench;

import java.util.Locale;

/**
 * The figures of one run and the final BENCH line (contract section 10). Throughputs are
 * transactions per second, latencies milliseconds; the line prints them as whole numbers and the
 * ratios with three decimals. A missing baseline (pgbench skipped or failed) gives ratio 0. The
 * read phase's figures follow the contract's fields on the same line.
 */
record BenchResult(double e2eTps, double pgTps, double hotTps, double pgHotTps, double gqlP99Ms, double e2eP99Ms,
                   double readTps, double readP99Ms) {

    /** A run without the read phase (e): read_tps and read_p99_ms print as 0. */
    BenchResult(double e2eTps, double pgTps, double hotTps, double pgHotTps, double gqlP99Ms, double e2eP99Ms) {
        this(e2eTps, pgTps, hotTps, pgHotTps, gqlP99Ms, e2eP99Ms, Double.NaN, Double.NaN);
    }

    double ratio() {
        return ratio(e2eTps, pgTps);
    }

    double hotRatio() {
        return ratio(hotTps, pgHotTps);
    }

    static double ratio(double measured, double baseline) {
        return baseline > 0 ? measured / baseline : 0;
    }

    String benchLine() {
        return String.format(Locale.ROOT,
                "BENCH e2e_tps=%d pg_tps=%d ratio=%.3f hot_tps=%d pg_hot_tps=%d hot_ratio=%.3f gql_p99_ms=%d e2e_p99_ms=%d"
                        + " read_tps=%d read_p99_ms=%.1f",
                whole(e2eTps), whole(pgTps), ratio(), whole(hotTps), whole(pgHotTps), hotRatio(),
                whole(gqlP99Ms), whole(e2eP99Ms), whole(readTps), Double.isFinite(readP99Ms) ? readP99Ms : 0.0);
    }

    private static long whole(double value) {
        return Double.isFinite(value) && value > 0 ? Math.round(value) : 0;
    }
}
