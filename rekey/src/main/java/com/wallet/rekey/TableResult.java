package com.wallet.rekey;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** What one pass over one table found and did; prints progress after each batch. */
final class TableResult {

    private static final int IDS_SHOWN = 10;

    final String name;
    long examined;
    long current;
    long resealed;
    /** rows a service changed between our read and our conditional update: the next pass takes them */
    long concurrent;
    /** not yet current (a dry run counts, it does not rewrite) */
    long remaining;
    final List<String> stuck = new ArrayList<>();
    private int batches;

    TableResult(String name) {
        this.name = name;
    }

    void applied(boolean updated) {
        if (updated) {
            resealed++;
        } else {
            concurrent++;
        }
    }

    /** Opens under no ring key: it is reported by id (never by value) and stays as it is. */
    void unreadable(UUID id, RuntimeException e) {
        stuck.add(id + " does not open under any configured key (" + e.getMessage() + ")");
    }

    void unconvertible(UUID id, String why) {
        stuck.add(id + ": " + why);
    }

    /** Values still not under the current key after this pass. */
    long left() {
        return remaining + concurrent + stuck.size();
    }

    void batchDone(Consumer<String> progress, boolean dryRun) {
        batches++;
        if (!dryRun) {
            progress.accept("rekey " + name + ": batch " + batches + ", " + examined + " rows examined, "
                    + resealed + " re-encrypted, " + current + " already current");
        }
    }

    String summary() {
        StringBuilder line = new StringBuilder(name + ": " + examined + " rows, " + resealed + " re-encrypted, "
                + current + " already current");
        if (concurrent > 0) {
            line.append(", ").append(concurrent).append(" changed concurrently (retried)");
        }
        if (remaining > 0) {
            line.append(", ").append(remaining).append(" still under an older key");
        }
        if (!stuck.isEmpty()) {
            line.append(", ").append(stuck.size()).append(" cannot be re-encrypted:");
            stuck.stream().limit(IDS_SHOWN).forEach(s -> line.append("\n    ").append(s));
            if (stuck.size() > IDS_SHOWN) {
                line.append("\n    ... and ").append(stuck.size() - IDS_SHOWN).append(" more");
            }
        }
        return line.toString();
    }
}
