package com.wallet.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Injects one {@link Fault} and, for the heavy ones, undoes it before returning: whatever it
 * stopped is started again here (and, should that fail, by {@link SystemControl#restoreAll()}).
 */
final class FaultInjector {

    private static final int BURST = 8;

    private final SystemControl system;
    private final EmulatorClient emulator;
    private final LockPauseHookClient lockHook;
    private final Workload workload;
    private final ChaosReport report;
    private final PrintStream log;

    FaultInjector(SystemControl system, EmulatorClient emulator, LockPauseHookClient lockHook, Workload workload,
                  ChaosReport report, PrintStream log) {
        this.system = system;
        this.emulator = emulator;
        this.lockHook = lockHook;
        this.workload = workload;
        this.report = report;
        this.log = log;
    }

    void inject(Fault fault) throws IOException {
        log.println("chaos: fault " + fault.kind() + ": " + fault.describe());
        if (fault instanceof Fault.KillProcessor f) {
            system.stop("processor-" + f.instance(), true);
            report.fault(f.kind());
            Pause.millis(f.downMillis());
            system.up();
        } else if (fault instanceof Fault.RebalanceProcessor f) {
            system.stop("processor-" + f.instance(), false);
            report.fault(f.kind());
            Pause.millis(f.downMillis());
            system.up();
        } else if (fault instanceof Fault.RestartRedis f) {
            try {
                system.stopRedis();
                report.fault(f.kind());
                Pause.millis(f.downMillis());
            } finally {
                system.startRedis();
            }
        } else if (fault instanceof Fault.RestartKafka f) {
            system.stop("kafka", false);
            report.fault(f.kind());
            Pause.millis(f.downMillis());
            system.up();
        } else if (fault instanceof Fault.RestartPostgres f) {
            try {
                system.stopPostgres();
                report.fault(f.kind());
                Pause.millis(f.downMillis());
            } finally {
                system.startPostgres();
            }
        } else if (fault instanceof Fault.PauseLockHolder f) {
            pauseLockHolder(f);
        } else if (fault instanceof Fault.StripeApiFault f) {
            emulator.apiFault(f);
            report.fault(f.kind());
        } else if (fault instanceof Fault.WebhookFault f) {
            emulator.webhookFault(f);
            report.fault(f.kind());
        } else {
            throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    /**
     * Arms the processor's test hook for the hot wallet, then sends transfers into it from other
     * wallets (keyed by their sources, so they land on both processors): the first holder on the
     * armed processor sleeps past its lease while the other processor takes the lock.
     */
    private void pauseLockHolder(Fault.PauseLockHolder f) throws IOException {
        String hot = workload.wallets().get(f.hotWallet()).id();
        if (!lockHook.arm(f.instance(), hot)) {
            report.note("lock-holder-paused skipped: processor-" + f.instance()
                    + " has no test hook (start it with WALLET_TEST_HOOKS=true)");
            return;
        }
        try {
            List<Future<?>> burst = workload.burstInto(f.hotWallet(), f.burstSeed(), BURST);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            LockPauseHookClient.Status status = lockHook.status(f.instance());
            while (status.fired() == 0 && System.nanoTime() < deadline) {
                Pause.millis(250);
                status = lockHook.status(f.instance());
            }
            if (status.fired() > 0) {
                report.fault(f.kind());
                Pause.millis(status.pauseMs() + 3_000);   // the holder wakes after its lease expired
            } else {
                report.note("lock-holder-paused: no lock of the hot wallet was taken on processor-" + f.instance()
                        + " within 30 s; not counted");
            }
            for (Future<?> sent : burst) {
                sent.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("lock-pause burst: " + e, e);
        } finally {
            lockHook.disarm(f.instance());
        }
    }
}
