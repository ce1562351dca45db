package com.wallet.bench;

import java.util.Locale;

/**
 * The figures of one run and the final BENCH line (contract section 10). Throughputs are
 * transactions per second, latencies milliseconds; the line prints them as whole numbers and the
 * ratios with three decimals. A missing baseline (pgbench skipped or failed) gives ratio 0.
 *
 * <p>{@code gql_p99_ms} and {@code e2e_p99_ms} are the GraphQL phase's acceptance and
 * submit-to-final p99 (issue 7's latency targets, at {@code gql_rate} mutations per second; 0 when
 * the phase is skipped). After the contract's fields: {@code gql_rate} (0: closed loop),
 * {@code gql_tps} (accepted per second), {@code kafka_p99_ms} (phase (b)'s send-to-event p99,
 * queueing behind its in-flight window included) and the read phase's figures.
 */
record BenchResult(double e2eTps, double pgTps, double hotTps, double pgHotTps, double gqlP99Ms, double e2eP99Ms,
                   double gqlRate, double gqlTps, double kafkaP99Ms, double readTps, double readP99Ms) {

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
                        + " gql_rate=%d gql_tps=%d kafka_p99_ms=%d read_tps=%d read_p99_ms=%.1f",
                whole(e2eTps), whole(pgTps), ratio(), whole(hotTps), whole(pgHotTps), hotRatio(),
                whole(gqlP99Ms), whole(e2eP99Ms), whole(gqlRate), whole(gqlTps), whole(kafkaP99Ms), whole(readTps),
                Double.isFinite(readP99Ms) ? readP99Ms : 0.0);
    }

    private static long whole(double value) {
        return Double.isFinite(value) && value > 0 ? Math.round(value) : 0;
    }
}
