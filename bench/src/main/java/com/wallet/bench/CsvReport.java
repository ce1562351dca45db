package com.wallet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The per-second CSV: a header, then one line per phase and second. Latencies in milliseconds with
 * three decimals; an empty field where nothing finished in that second.
 */
final class CsvReport {

    static final String HEADER = "phase,second,per_second,p50_ms,p99_ms";

    private CsvReport() {
    }

    static String format(List<SecondRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (SecondRow r : rows) {
            csv.append(field(r.phase())).append(',')
                    .append(r.second()).append(',')
                    .append(r.perSecond()).append(',')
                    .append(ms(r.p50Ms())).append(',')
                    .append(ms(r.p99Ms())).append('\n');
        }
        return csv.toString();
    }

    static void write(Path file, List<SecondRow> rows) throws IOException {
        Files.writeString(file, format(rows), StandardCharsets.UTF_8);
    }

    private static String ms(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "";
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
