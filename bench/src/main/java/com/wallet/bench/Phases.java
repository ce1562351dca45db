package com.wallet.bench;

/** The names of the phases in the CSV and the chart, in the order they run. */
final class Phases {

    static final String PG_UNIFORM = "pgbench uniform";
    static final String PG_HOT = "pgbench hot";
    static final String WARMUP = "warm-up";
    static final String E2E_UNIFORM = "e2e uniform";
    static final String E2E_HOT = "e2e hot";
    static final String GATEWAY_ACCEPTED = "gateway accepted";
    static final String GATEWAY_FINAL = "gateway final";
    static final String READ_WALLET = "read getWallet";
    static final String READ_TRANSACTION = "read getTransaction";

    private Phases() {
    }
}
