package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerSecondTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long ORIGIN = 5_000 * S;

    @Test
    void countsEachOperationInTheSecondItFinishedCountedFromThePhaseOrigin() {
        PerSecond phase = new PerSecond("e2e uniform", ORIGIN);

        phase.record(ORIGIN + 10 * MS, 10 * MS);
        phase.record(ORIGIN + 999 * MS, 20 * MS);
        phase.record(ORIGIN + S, 30 * MS);
        phase.record(ORIGIN + 2 * S + 500 * MS, 40 * MS);

        assertThat(phase.rows()).extracting(SecondRow::second, SecondRow::perSecond)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2L), org.assertj.core.groups.Tuple.tuple(1, 1L),
                        org.assertj.core.groups.Tuple.tuple(2, 1L));
        assertThat(phase.rows()).allSatisfy(r -> assertThat(r.phase()).isEqualTo("e2e uniform"));
    }

    @Test
    void givesEachSecondThePercentilesOfItsOwnLatencies() {
        PerSecond phase = new PerSecond("e2e hot", ORIGIN);
        for (int i = 1; i <= 100; i++) {
            phase.record(ORIGIN + 100 * MS, i * MS);         // second 0: 1..100 ms
            phase.record(ORIGIN + S + 100 * MS, 1_000 * MS);  // second 1: all 1 s
        }

        SecondRow first = phase.rows().get(0);
        SecondRow second = phase.rows().get(1);
        assertThat(first.perSecond()).isEqualTo(100);
        assertThat(first.p50Ms()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
        assertThat(first.p99Ms()).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(second.p50Ms()).isCloseTo(1_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(phase.overall().count()).isEqualTo(200);
    }

    @Test
    void reportsASecondInWhichNothingFinishedAsZeroWithoutLatency() {
        PerSecond phase = new PerSecond("gateway final", ORIGIN);
        phase.record(ORIGIN + 100 * MS, MS);
        phase.record(ORIGIN + 3 * S + 100 * MS, MS);

        List<SecondRow> rows = phase.rows();

        assertThat(rows).extracting(SecondRow::second).containsExactly(0, 1, 2, 3);
        assertThat(rows.get(1).perSecond()).isZero();
        assertThat(rows.get(1).p50Ms()).isNaN();
        assertThat(rows.get(2).p99Ms()).isNaN();
    }

    @Test
    void hasNoRowsWhenNothingFinishedAndKeepsPhasesInTheirOrder() {
        PerSecond empty = new PerSecond("pgbench hot", ORIGIN);
        PerSecond a = new PerSecond("a", ORIGIN);
        PerSecond b = new PerSecond("b", ORIGIN);
        b.record(ORIGIN, MS);
        a.record(ORIGIN + S, MS);

        assertThat(empty.rows()).isEmpty();
        assertThat(PerSecond.rows(List.of(b, empty, a))).extracting(SecondRow::phase).containsExactly("b", "a", "a");
    }

    @Test
    void putsAnOperationSeenBeforeTheOriginIntoTheFirstSecond() {
        PerSecond phase = new PerSecond("warm-up", ORIGIN);
        phase.record(ORIGIN - 5 * MS, MS);

        assertThat(phase.rows()).singleElement().extracting(SecondRow::second).isEqualTo(0);
    }
}
