package com.wallet.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The programs a command hands over to (mvn, a tool's jar, bin/wallet up), one at a time: standard
 * input, output and error inherited, so their output streams live; the whole environment given
 * explicitly (what bash exported). {@link #stop} ends the one running and refuses any further start,
 * for the shutdown hook of a run interrupted by Ctrl-C or TERM.
 */
final class Children {

    static final long GRACE_SECONDS = 30;

    private final Path directory;
    private Process current;
    private boolean stopping;

    Children(Path directory) {
        this.directory = directory;
    }

    /** Runs COMMAND with exactly ENV; its exit code. */
    int run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        System.out.flush();
        System.err.flush();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        synchronized (this) {
            if (stopping) {
                throw new LauncherException("interrupted: not starting " + command.get(0));
            }
            process = builder.start();
            current = process;
        }
        try {
            return process.waitFor();
        } finally {
            synchronized (this) {
                current = null;
            }
        }
    }

    /** True once {@link #stop} was called: the run is being interrupted. */
    synchronized boolean stopping() {
        return stopping;
    }

    /** TERM to the one running (KILL after 30 s), and no start after this. */
    void stop() {
        Process process;
        synchronized (this) {
            stopping = true;
            process = current;
        }
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
