package com.wallet.chaos;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the schedule: heavy faults one after the other on one thread, emulator faults on another,
 * each not before its planned time (a heavy fault that overruns delays the next one).
 */
final class FaultRunner {

    private final Schedule schedule;
    private final FaultInjector injector;
    private final ChaosReport report;
    private final PrintStream log;

    FaultRunner(Schedule schedule, FaultInjector injector, ChaosReport report, PrintStream log) {
        this.schedule = schedule;
        this.injector = injector;
        this.report = report;
        this.log = log;
    }

    /** Runs every planned fault; returns when the last one has been undone. */
    void run(long startNanos) throws InterruptedException {
        ExecutorService tracks = Executors.newFixedThreadPool(2);
        tracks.execute(() -> play(schedule.faults().stream().filter(p -> p.fault().heavy()).toList(), startNanos));
        tracks.execute(() -> play(schedule.faults().stream().filter(p -> !p.fault().heavy()).toList(), startNanos));
        tracks.shutdown();
        tracks.awaitTermination(1, TimeUnit.DAYS);
    }

    private void play(List<Schedule.Planned> faults, long startNanos) {
        for (Schedule.Planned planned : faults) {
            Pause.until(startNanos + TimeUnit.MILLISECONDS.toNanos(planned.atMillis()));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                injector.inject(planned.fault());
            } catch (Exception e) {
                report.failure("fault " + planned.fault().kind() + " at t+" + planned.atMillis() / 1000 + " s: " + e.getMessage());
                log.println("chaos: fault " + planned.fault().kind() + " failed: " + e.getMessage());
            }
        }
    }
}
