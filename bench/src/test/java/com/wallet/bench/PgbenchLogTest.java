package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchLogTest {

    @Test
    void readsLatencyAndFinishTimeFromEachTransactionLine() {
        List<PgbenchLog.Entry> entries = PgbenchLog.parse(List.of(
                "0 199 2241 0 1700000000 120000",
                "3 1 1500 0 1700000001 5 12"));   // with a schedule-lag column

        assertThat(entries).containsExactly(
                new PgbenchLog.Entry(1_700_000_000_120_000L, 2241),
                new PgbenchLog.Entry(1_700_000_001_000_005L, 1500));
    }

    @Test
    void leavesOutFailedSkippedAndMalformedLines() {
        List<PgbenchLog.Entry> entries = PgbenchLog.parse(List.of(
                "0 1 failed 0 1700000000 1000",
                "0 2 skipped 0 1700000000 2000",
                "",
                "garbage",
                "0 3 900 0 1700000000 3000"));

        assertThat(entries).containsExactly(new PgbenchLog.Entry(1_700_000_000_003_000L, 900));
    }

    @Test
    void countsSecondsFromTheStartOfTheFirstTransaction() {
        // First transaction started at 1700000000.500000 (finished 0.002 s later).
        List<PgbenchLog.Entry> entries = PgbenchLog.parse(List.of(
                "0 1 2000 0 1700000000 502000",
                "1 1 1000 0 1700000001 400000",    // 0.9 s after the origin: second 0
                "0 2 3000 0 1700000001 600000",    // 1.1 s: second 1
                "1 2 4000 0 1700000002 600000"));  // 2.1 s: second 2

        List<SecondRow> rows = PgbenchLog.perSecond("pgbench uniform", entries).rows();

        assertThat(rows).extracting(SecondRow::second, SecondRow::perSecond).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 2L), org.assertj.core.groups.Tuple.tuple(1, 1L),
                org.assertj.core.groups.Tuple.tuple(2, 1L));
        assertThat(rows.get(2).p50Ms()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(rows).allSatisfy(r -> assertThat(r.phase()).isEqualTo("pgbench uniform"));
    }

    @Test
    void readsEveryThreadsFileOfOnePrefixOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("transfer-log.4242"), "0 1 100 0 1700000000 0\n");
        Files.writeString(dir.resolve("transfer-log.4242.1"), "1 1 200 0 1700000000 0\n");
        Files.writeString(dir.resolve("hot-log.4243"), "0 1 300 0 1700000000 0\n");

        assertThat(PgbenchLog.readAll(dir, "transfer-log")).containsExactly(
                "0 1 100 0 1700000000 0", "1 1 200 0 1700000000 0");
    }
}
