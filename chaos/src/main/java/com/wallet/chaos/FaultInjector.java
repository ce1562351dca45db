package com.wallet.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
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
     * Arms the processors' test hook for the hot wallet (the scheduled instance first; every other
     * running one too, since partitions move when a processor restarts), then sends transfers into it
     * from other wallets (keyed by their sources, so they land on both processors): the first holder
     * sleeps past its lease while another command takes the lock; the other hooks are then disarmed.
     */
    private void pauseLockHolder(Fault.PauseLockHolder f) throws IOException {
        String hot = workload.wallets().get(f.hotWallet()).id();
        if (!lockHook.arm(f.instance(), hot)) {
            report.note("lock-holder-paused skipped: processor-" + f.instance()
                    + " has no test hook (start it with WALLET_TEST_HOOKS=true)");
            return;
        }
        List<Integer> armed = new ArrayList<>(List.of(f.instance()));
        for (int i = 1; i <= system.processors(); i++) {
            if (i != f.instance() && lockHook.arm(i, hot)) {
                armed.add(i);
            }
        }
        try {
            List<Future<?>> burst = workload.burstInto(f.hotWallet(), f.burstSeed(), BURST);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            LockPauseHookClient.Status fired = firedOn(armed);
            while (fired == null && System.nanoTime() < deadline) {
                Pause.millis(250);
                fired = firedOn(armed);
            }
            armed.forEach(lockHook::disarm);
            if (fired != null) {
                report.fault(f.kind());
                Pause.millis(fired.pauseMs() + 3_000);   // the holder wakes after its lease expired
            } else {
                report.note("lock-holder-paused: no lock of the hot wallet was taken on processors " + armed
                        + " within 90 s; not counted");
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
            armed.forEach(lockHook::disarm);
        }
    }

    /** The status of the first armed instance whose hook fired, or null. */
    private LockPauseHookClient.Status firedOn(List<Integer> armed) {
        for (int instance : armed) {
            try {
                LockPauseHookClient.Status status = lockHook.status(instance);
                if (status.fired() > 0) {
                    return status;
                }
            } catch (IOException down) {
                // restarting: look again next time
            }
        }
        return null;
    }
}
