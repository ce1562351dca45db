package com.wallet.chaos;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run did and found: operations by kind and outcome, faults by kind, violations (broken
 * money rules or idempotency), and failures of the run itself (workload, restore, quiescence).
 */
final class ChaosReport {

    private final long seed;
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private volatile String checkerOutput = "";

    ChaosReport(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    void operation(String kind, String outcome) {
        operations.computeIfAbsent(kind + " " + outcome, k -> new LongAdder()).increment();
    }

    void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void violation(String what) {
        violations.add(what);
    }

    /** The run could not do what it must (a service not restored, requests never final, ...). */
    void failure(String what) {
        failures.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    void checkerOutput(String output) {
        this.checkerOutput = output;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Map<String, Long> operations() {
        Map<String, Long> copy = new TreeMap<>();
        operations.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    Map<String, Long> faults() {
        Map<String, Long> copy = new TreeMap<>();
        faults.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    boolean passed() {
        return violations.isEmpty() && failures.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("chaos seed " + seed);
        long total = operations().values().stream().mapToLong(Long::longValue).sum();
        out.println("operations (" + total + "):");
        operations().forEach((k, v) -> out.printf("  %-60s %6d%n", k, v));
        out.println("faults injected (" + faults().values().stream().mapToLong(Long::longValue).sum() + "):");
        faults().forEach((k, v) -> out.printf("  %-60s %6d%n", k, v));
        if (!notes.isEmpty()) {
            out.println("notes:");
            notes().forEach(n -> out.println("  " + n));
        }
        if (!checkerOutput.isBlank()) {
            out.println("checker:");
            checkerOutput.lines().forEach(l -> out.println("  " + l));
        }
        out.println("run failures (" + failures.size() + "):");
        failures().forEach(f -> out.println("  " + f));
        out.println("violations (" + violations.size() + "):");
        violations().forEach(v -> out.println("  " + v));
        out.printf("CHAOS seed=%d operations=%d faults=%d violations=%d failures=%d result=%s%n", seed, total,
                faults().values().stream().mapToLong(Long::longValue).sum(), violations.size(), failures.size(),
                passed() ? "PASS" : "FAIL");
    }

    private List<String> notes() {
        return List.copyOf(notes);
    }
}
