package com.wallet.bench;

/**
 * One second of one phase: how many operations finished in it and the latency percentiles of
 * those operations (NaN when none finished).
 *
 * @param phase     the phase's name, e.g. {@code e2e uniform}
 * @param second    whole seconds since the phase began (0 = its first second)
 * @param perSecond operations (transfers, mutations) that finished in this second
 * @param p50Ms     median latency of those operations, milliseconds
 * @param p99Ms     99th percentile latency of those operations, milliseconds
 */
record SecondRow(String phase, int second, long perSecond, double p50Ms, double p99Ms) {
}
