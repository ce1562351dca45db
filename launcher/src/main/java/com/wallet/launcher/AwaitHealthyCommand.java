package com.wallet.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code up}'s last step: waits until every service's /actuator/health is UP, printing each component
 * as it turns UP and, every 10 s, what it still waits for; a failure names the component, the likely
 * cause and the end of its log.
 */
@Command(name = "await-healthy", customSynopsis = "usage: bin/wallet await-healthy",
        description = "Waits (WALLET_UP_TIMEOUT s, default 240) until every component `up` started answers UP on /actuator/health (PROCESSOR_INSTANCES processors); exit 1 naming the component, the likely cause and the end of its log otherwise. `up` runs it after starting the services.")
final class AwaitHealthyCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = launcher.settings();
        return await(settings, new Processes(settings.pids()), new Logs(settings.logs()), new Health(), System.out, System.err)
                ? 0 : 1;
    }

    static boolean await(Settings settings, Processes processes, Logs logs, Health health, PrintStream out, PrintStream err)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(settings.upTimeoutSeconds());
        long nextNote = started + TimeUnit.SECONDS.toNanos(10);
        Set<String> healthy = new HashSet<>();
        while (true) {
            List<String> pending = new ArrayList<>();
            for (Settings.Component c : settings.components()) {
                if (c.name().equals("kafka") || healthy.contains(c.name())) {
                    continue;
                }
                if (processes.pidOf(c.name()).isEmpty()) {
                    err.println("wallet: " + c.name() + " exited during start-up after " + elapsed(started) + " s"
                            + LikelyCause.suffix(logs, new LikelyCause.Context(c.name(), c.port(), settings)));
                    logs.printTail(c.name(), 60, err);
                    processes.forget(c.name());
                    return false;
                }
                if (health.up(c.port())) {
                    healthy.add(c.name());
                    out.println("    " + c.name() + " UP after " + elapsed(started) + " s");
                } else {
                    pending.add(c.name());
                }
            }
            if (pending.isEmpty()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                for (String name : pending) {
                    err.println("wallet: " + name + " is not healthy after " + settings.upTimeoutSeconds() + " s"
                            + LikelyCause.suffix(logs, new LikelyCause.Context(name, null, settings)));
                    logs.printTail(name, 60, err);
                }
                return false;
            }
            if (now - nextNote >= 0) {
                out.println("    waiting for " + String.join(" ", pending) + " (" + elapsed(started) + " s)");
                nextNote = now + TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(1000);
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }
}
