package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportTest {

    @Test
    void writesAHeaderThenOneLinePerPhaseAndSecondWithMillisecondsToThreeDecimals() {
        String csv = CsvReport.format(List.of(
                new SecondRow("pgbench uniform", 0, 6831, 1.1704, 3.5),
                new SecondRow("e2e uniform", 12, 185, 348.4, 1121.25)));

        assertThat(csv).isEqualTo("""
                phase,second,per_second,p50_ms,p99_ms
                pgbench uniform,0,6831,1.170,3.500
                e2e uniform,12,185,348.400,1121.250
                """);
    }

    @Test
    void leavesTheLatenciesEmptyForASecondInWhichNothingFinished() {
        String csv = CsvReport.format(List.of(new SecondRow("e2e hot", 3, 0, Double.NaN, Double.NaN)));

        assertThat(csv.lines()).containsExactly(CsvReport.HEADER, "e2e hot,3,0,,");
    }

    @Test
    void quotesAPhaseNameWithACommaOrAQuote() {
        String csv = CsvReport.format(List.of(new SecondRow("a,\"b\"", 0, 1, 1, 1)));

        assertThat(csv.lines().skip(1)).containsExactly("\"a,\"\"b\"\"\",0,1,1.000,1.000");
    }

    @Test
    void writesTheSameTextToAFileInUtf8(@TempDir Path dir) throws Exception {
        List<SecondRow> rows = List.of(new SecondRow("gateway accepted", 0, 98, 68.0, 341.5));
        Path file = dir.resolve("bench.csv");

        CsvReport.write(file, rows);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(CsvReport.format(rows));
    }

    @Test
    void writesOnlyTheHeaderWhenThereAreNoRows() {
        assertThat(CsvReport.format(List.of())).isEqualTo(CsvReport.HEADER + "\n");
    }
}
