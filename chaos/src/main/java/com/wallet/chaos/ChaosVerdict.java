package com.wallet.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The invariant checker's verdict on the quiet system: {@code bin/wallet check} as a subprocess,
 * its exit code the verdict (0 every invariant holds, 1 a violation, 2 it could not check). The
 * one place that calls the checker: switch it to {@code com.wallet.checker.InvariantChecker#run()}
 * here to run it in process.
 */
final class ChaosVerdict {

    record Verdict(List<String> violations, String output) {
    }

    private final Path repo;

    ChaosVerdict(Path repo) {
        this.repo = repo;
    }

    Verdict judge() throws IOException {
        Process process = new ProcessBuilder(repo.resolve("bin/wallet").toString(), "check")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(process);
        if (exit == 0) {
            return new Verdict(List.of(), output);
        }
        // bin/wallet check prints "FAIL <invariant> examined ...: found" per broken invariant.
        List<String> named = output.lines().filter(l -> l.startsWith("FAIL")).toList();
        return new Verdict(named.isEmpty() ? List.of("bin/wallet check exited " + exit) : named, output);
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("bin/wallet check did not finish within 10 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
