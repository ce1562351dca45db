package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchResultTest {

    @Test
    void benchLineHasTheContractFormatWithRoundedIntegersAndThreeDecimalRatios() {
        BenchResult result = new BenchResult(812.6, 9876.4, 151.2, 4700.0, 23.4, 640.5, 1000, 987.6, 8978.2,
                Double.NaN, Double.NaN);

        assertThat(result.benchLine()).isEqualTo(
                "BENCH e2e_tps=813 pg_tps=9876 ratio=0.082 hot_tps=151 pg_hot_tps=4700 hot_ratio=0.032"
                        + " gql_p99_ms=23 e2e_p99_ms=641 gql_rate=1000 gql_tps=988 kafka_p99_ms=8978"
                        + " read_tps=0 read_p99_ms=0.0");
        assertThat(result.benchLine()).matches(
                "BENCH e2e_tps=\\d+ pg_tps=\\d+ ratio=\\d+\\.\\d{2,3} hot_tps=\\d+ pg_hot_tps=\\d+"
                        + " hot_ratio=\\d+\\.\\d{2,3} gql_p99_ms=\\d+ e2e_p99_ms=\\d+( .*)?");
    }

    @Test
    void ratiosAreMeasuredOverBaselineAndComputedFromTheUnroundedFigures() {
        BenchResult result = new BenchResult(500.4, 1000.4, 2000, 1000, 1, 1, 0, 1, 1, Double.NaN, Double.NaN);

        assertThat(result.ratio()).isCloseTo(500.4 / 1000.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.hotRatio()).isEqualTo(2.0);
        assertThat(result.benchLine()).contains(" ratio=0.500 ").contains(" hot_ratio=2.000 ");
    }

    @Test
    void aMissingBaselineOrASkippedPhaseGivesZeroInsteadOfInfinityOrNaN() {
        BenchResult result = new BenchResult(100, 0, 50, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 12,
                Double.NaN, Double.NaN);

        assertThat(result.ratio()).isZero();
        assertThat(result.benchLine()).isEqualTo(
                "BENCH e2e_tps=100 pg_tps=0 ratio=0.000 hot_tps=50 pg_hot_tps=0 hot_ratio=0.000 gql_p99_ms=0 e2e_p99_ms=0"
                        + " gql_rate=0 gql_tps=0 kafka_p99_ms=12 read_tps=0 read_p99_ms=0.0");
    }

    @Test
    void theReadPhaseFiguresFollowTheContractFieldsOnTheBenchLine() {
        BenchResult result = new BenchResult(100, 1000, 50, 500, 9, 120, 1000, 990, 700, 1523.4, 7.26);

        assertThat(result.benchLine()).endsWith(" gql_p99_ms=9 e2e_p99_ms=120 gql_rate=1000 gql_tps=990 kafka_p99_ms=700"
                + " read_tps=1523 read_p99_ms=7.3");
    }

    @Test
    void optionsHaveShortDefaultsAndRejectTheWalletDatabaseAsScratch() {
        BenchOptions defaults = BenchOptions.parse();
        assertThat(defaults.concurrency()).isEqualTo(8);
        assertThat(defaults.scratchDatabase()).isEqualTo("wallet_bench");
        assertThat(defaults.wallets()).isEqualTo(10_000);
        assertThat(defaults.treasury()).isEqualTo(24);
        assertThat(defaults.maxDeposit()).isEqualTo(100_000_000L);
        assertThat(defaults.outDir()).isEqualTo(".wallet/bench");
        assertThat(defaults.readSeconds()).isEqualTo(10);
        assertThat(defaults.gqlRate()).isZero();
        assertThat(defaults.gqlTransfers()).isEqualTo(1000);
        assertThat(BenchOptions.parse("--gql-rate", "1000").gqlRate()).isEqualTo(1000);
        assertThat(defaults.skipReads()).isFalse();
        assertThat(BenchOptions.parse("--skip-reads").skipReads()).isTrue();
        assertThat(BenchOptions.parse("--skip-gateway").skipReads()).isTrue();

        BenchOptions custom = BenchOptions.parse("--transfers", "50", "--concurrency=4", "--skip-gateway");
        assertThat(custom.transfers()).isEqualTo(50);
        assertThat(custom.concurrency()).isEqualTo(4);
        assertThat(custom.skipGateway()).isTrue();

        assertThatThrownBy(() -> BenchOptions.parse("--scratch-db", "wallet"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--transfers", "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
