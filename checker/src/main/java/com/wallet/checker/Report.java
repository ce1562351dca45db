package com.wallet.checker;

import java.io.PrintStream;
import java.util.List;

/** Every invariant's result, in a fixed order; the check passes only when each one holds. */
public record Report(List<InvariantResult> results) {

    /** Violations printed per invariant; the count is always complete. */
    static final int SHOWN_PER_INVARIANT = 20;

    public Report {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(InvariantResult::holds);
    }

    /** Every violation, prefixed with its invariant's name. */
    public List<String> violations() {
        return results.stream().flatMap(r -> r.violations().stream().map(v -> r.name() + ": " + v)).toList();
    }

    public InvariantResult result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invariant " + name));
    }

    public void print(PrintStream out) {
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        for (InvariantResult r : results) {
            String found = r.holds() ? "holds" : r.violations().size() + " violation(s)";
            out.printf("%-4s %-" + width + "s  examined %s: %s%n", r.holds() ? "OK" : "FAIL", r.name(), r.examined(), found);
            r.violations().stream().limit(SHOWN_PER_INVARIANT).forEach(v -> out.println("       - " + v));
            if (r.violations().size() > SHOWN_PER_INVARIANT) {
                out.printf("       ... and %d more%n", r.violations().size() - SHOWN_PER_INVARIANT);
            }
            r.notes().forEach(n -> out.println("       note: " + n));
        }
        long broken = results.stream().filter(r -> !r.holds()).count();
        out.println(passed() ? "check: every invariant holds"
                : "check: " + violations().size() + " violation(s) of " + broken + " invariant(s): "
                + String.join(", ", results.stream().filter(r -> !r.holds()).map(InvariantResult::name).toList()));
    }
}
