package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The components' logs under .wallet/logs/NAME.log. */
public final class Logs {

    private final Path dir;

    public Logs(Path dir) {
        this.dir = dir;
    }

    public Path of(String name) {
        return dir.resolve(name + ".log");
    }

    /** The last LINES lines of NAME's log (empty when there is none). */
    public List<String> tail(String name, int lines) {
        Path log = of(name);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(Math.min(lines, 1024));
        // a log may hold bytes that are not UTF-8 (a crash dump): decode leniently
        try (Stream<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(last);
    }

    /** True when NAME's log holds TEXT on some line. */
    public boolean contains(String name, String text) {
        Path log = of(name);
        try {
            return Files.isRegularFile(log) && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;   // being rotated or removed: not ready yet
        }
    }

    /** Prints the end of NAME's log between marker lines, as bin/wallet always has. */
    public void printTail(String name, int lines, PrintStream out) {
        List<String> tail = tail(name, lines);
        if (tail.isEmpty()) {
            out.println("(no log at .wallet/logs/" + name + ".log)");
            return;
        }
        out.println("----- last " + lines + " lines of .wallet/logs/" + name + ".log -----");
        tail.forEach(out::println);
        out.println("-----");
    }
}
