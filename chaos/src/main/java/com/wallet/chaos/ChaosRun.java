package com.wallet.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole chaos run: plan the schedule from the seed, set up wallets, run the workload while the
 * faults play, restore everything, stop the faults, wait for quiescence, ask the checker. The
 * report it returns passes only with zero violations and no run failure.
 */
public final class ChaosRun {

    private final ChaosConfig config;
    private final PrintStream out;

    public ChaosRun(ChaosConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Runs and prints the report; {@link Outcome#passed()} is the verdict. */
    public Outcome run() {
        int processors = SystemControl.runningProcessors(config.repo());
        if (processors == 0) {
            throw new IllegalStateException("no processor is running: start the system with bin/wallet up");
        }
        Schedule schedule = Schedule.plan(config.seed(), config.duration().toMillis(), processors);
        schedule.print(out);
        ChaosReport report = new ChaosReport(config.seed());
        Http http = new Http();
        WalletClient api = new WalletClient(http, config.gatewayUrl(), config.jwtSecret());
        EmulatorClient emulator = new EmulatorClient(http, config.emulatorUrl());
        LockPauseHookClient lockHook = new LockPauseHookClient(http);
        SystemControl system = new SystemControl(config.repo(), processors, out);
        String runId = "chaos-" + config.seed() + "-" + Long.toString(Instant.now().getEpochSecond(), 36);
        Workload workload = new Workload(api, emulator, report, out, runId, schedule.operationSeed());

        // Whatever happens (an exception, Ctrl-C), what the run stopped is started again.
        Thread restoreOnExit = new Thread(() -> {
            try {
                system.restoreAll();
            } catch (RuntimeException e) {
                out.println("chaos: " + e.getMessage());
            }
        }, "chaos-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        try {
            try {
                workload.setUp();
                long start = System.nanoTime();
                workload.start(config.workers(), config.operationsPerSecond());
                FaultInjector injector = new FaultInjector(system, emulator, lockHook, workload, report, out);
                new FaultRunner(schedule, injector, report, out).run(start);
                Pause.until(start + config.duration().toNanos());
                workload.stop();
                out.printf("chaos: workload stopped after %d operations%n", workload.operationsStarted());
            } finally {
                clearFaults(emulator, lockHook, processors, report);
                try {
                    system.restoreAll();
                } catch (RuntimeException e) {
                    report.failure(e.getMessage());
                }
            }
            Quiescence.Result quiet = new Quiescence(api, workload,
                    new Quiescence.Database(config.databaseUrl(), config.databaseUser(), config.databasePassword()), out)
                    .await(config.quiescenceTimeout());
            record(quiet, workload, report);
            judge(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failure("interrupted");
        } catch (RuntimeException | IOException e) {
            report.failure("the run stopped: " + e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        report.print(out);
        return new Outcome(report.passed(), report.violations(), report.failures(), report.operations(), report.faults());
    }

    /** The result a caller (ChaosMain, ChaosIT) acts on. */
    public record Outcome(boolean passed, List<String> violations, List<String> failures, Map<String, Long> operations,
                          Map<String, Long> faults) {
    }

    private static void clearFaults(EmulatorClient emulator, LockPauseHookClient lockHook, int processors,
                                    ChaosReport report) {
        try {
            emulator.clearFaults();
        } catch (IOException e) {
            report.failure("could not clear the emulator's faults: " + e.getMessage());
        }
        for (int i = 1; i <= processors; i++) {
            lockHook.disarm(i);
        }
    }

    private static void record(Quiescence.Result quiet, Workload workload, ChaosReport report) {
        workload.accepted().values().forEach(t -> {
            String status = quiet.finalStatuses().get(t.transactionId());
            report.operation(t.kind(), "accepted -> " + (status == null ? "NOT FINAL" : status));
        });
        if (!quiet.quiet()) {
            report.failure("no quiescence after " + quiet.waited().toSeconds() + " s: " + quiet.unfinished().size()
                    + " accepted transaction(s) not final, outbox " + quiet.outboxUnpublished() + ", command outbox "
                    + quiet.commandOutboxUnpublished() + " unpublished");
            quiet.unfinished().entrySet().stream().limit(20)
                    .forEach(e -> report.failure("  not final: " + e.getKey() + " " + e.getValue()));
        } else {
            report.note("quiet after " + quiet.waited().toSeconds() + " s");
        }
    }

    private void judge(ChaosReport report) throws IOException {
        ChaosVerdict.Verdict verdict = new ChaosVerdict(config).judge();
        report.checkerOutput(verdict.output());
        verdict.violations().forEach(report::violation);
    }
}
