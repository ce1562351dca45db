package com.wallet.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The invariant checker's verdict on the quiet system. This is the one place that calls the
 * checker: today {@code bin/wallet check} as a subprocess (its exit code is the verdict), and
 * while that command does not exist yet, the stopgap {@link FallbackInvariants}. Switch to
 * {@code com.wallet.checker.InvariantChecker#run()} here once the checker module is merged.
 */
final class ChaosVerdict {

    record Verdict(List<String> violations, String output) {
    }

    private final Path repo;
    private final FallbackInvariants fallback;

    ChaosVerdict(Path repo, FallbackInvariants fallback) {
        this.repo = repo;
        this.fallback = fallback;
    }

    Verdict judge(Set<String> runTransactions) throws IOException {
        if (!checkCommandExists()) {
            List<String> violations = fallback.check(runTransactions);
            return new Verdict(violations, "bin/wallet check is not available: built-in SQL/Stripe checks ran instead ("
                    + fallback.describe() + ")");
        }
        Process process = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "check")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(process);
        if (exit == 0) {
            return new Verdict(List.of(), output);
        }
        // bin/wallet check prints "FAIL <invariant> examined ...: found" per broken invariant.
        List<String> named = output.lines().filter(l -> l.startsWith("FAIL") || l.matches("(?i).*\\bviolat.*")).toList();
        return new Verdict(named.isEmpty() ? List.of("bin/wallet check exited " + exit) : named, output);
    }

    private boolean checkCommandExists() throws IOException {
        Process help = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "help").redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(help);
        return text.lines().anyMatch(l -> l.matches("\\s+check(\\s.*)?"));
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("the checker did not finish within 10 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
