package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", customSynopsis = "usage: bin/wallet down",
        description = "Stops everything `up` started, by the pid files under .wallet/pids: the services first, all at once (they flush to Kafka while stopping), then the broker, then an embedded PostgreSQL and Redis; TERM, then KILL after 30 s. The machine's own PostgreSQL and Redis are left alone.")
final class DownCommand implements Callable<Integer> {

    static final Duration GRACE = Duration.ofSeconds(30);
    private static final List<String> LAST = List.of("kafka", "local-postgres", "local-redis");

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws IOException {
        Settings settings = launcher.settings();
        down(new Processes(settings.pids()), settings.pids(), GRACE, System.out, System.err);
        return 0;
    }

    static void down(Processes processes, Path pids, Duration grace, PrintStream out, PrintStream err) throws IOException {
        if (!Files.isDirectory(pids)) {
            out.println("nothing to stop");
            return;
        }
        List<String> services = new ArrayList<>();
        try (Stream<Path> files = Files.list(pids)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid"))
                    .map(f -> f.substring(0, f.length() - ".pid".length()))
                    .filter(name -> !name.equals("kafka") && !name.startsWith("local-"))
                    .sorted().forEach(services::add);
        }
        boolean stopped = !services.isEmpty();
        CompletableFuture.allOf(services.stream()
                .map(name -> CompletableFuture.runAsync(() -> stop(processes, name, grace, out, err)))
                .toArray(CompletableFuture[]::new)).join();
        for (String name : LAST) {
            if (Files.exists(processes.pidFile(name))) {
                stop(processes, name, grace, out, err);
                stopped = true;
            }
        }
        if (!stopped) {
            out.println("nothing to stop");
        }
    }

    /** TERM, then KILL after GRACE; the pid file goes either way (a dead pid is nothing to stop). */
    static void stop(Processes processes, String name, Duration grace, PrintStream out, PrintStream err) {
        OptionalLong pid = processes.pidOf(name);
        if (pid.isPresent()) {
            ProcessHandle.of(pid.getAsLong()).ifPresent(process -> {
                out.println("==> stopping " + name + " (pid " + pid.getAsLong() + ")");
                process.destroy();
                try {
                    process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    err.println("wallet: " + name + " (pid " + pid.getAsLong() + ") did not stop within " + grace.toSeconds() + " s: killing it");
                    process.destroyForcibly();
                    awaitQuietly(process, Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // onExit never fails; nothing to do
                }
            });
        }
        processes.forget(name);
    }

    private static void awaitQuietly(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // KILL cannot be refused; a process still listed is a zombie its parent has yet to reap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
