package com.wallet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The run's files under the output directory (bin/wallet passes .wallet/bench): {@code <run>.csv}
 * with every phase's per-second rows, {@code <run>.png} with the chart of the measured phases, and
 * copies of both as {@code latest.csv} and {@code latest.png}.
 */
final class BenchFiles {

    record Written(Path csv, Path png) {
    }

    private BenchFiles() {
    }

    static Written write(Path dir, String run, List<SecondRow> rows, List<SecondRow> charted, String subtitle)
            throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(run + ".csv");
        Path png = dir.resolve(run + ".png");
        CsvReport.write(csv, rows);
        BenchChart.write(png, charted, "wallet bench " + run, subtitle);
        Files.copy(csv, dir.resolve("latest.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(png, dir.resolve("latest.png"), StandardCopyOption.REPLACE_EXISTING);
        return new Written(csv.toAbsolutePath().normalize(), png.toAbsolutePath().normalize());
    }
}
