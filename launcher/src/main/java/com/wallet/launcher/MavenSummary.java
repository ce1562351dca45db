package com.wallet.launcher;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a long Maven build shows while it runs (its whole output goes to a log): one line per module as
 * it starts, with the seconds elapsed; one line every 50 artifacts downloaded (a first build fetches a
 * few hundred); the reactor summary with each module's time. After a failure: the failing module and
 * the likely cause.
 */
final class MavenSummary {

    static final int DOWNLOADS_PER_LINE = 50;

    private static final Pattern BUILDING = Pattern.compile("^\\[INFO\\] Building (.+) [^ ]+ +\\[([0-9]+/[0-9]+)\\]$");
    private static final Pattern RESULT =
            Pattern.compile("^\\[INFO\\] (.+) \\.+ (SUCCESS|FAILURE|SKIPPED)( \\[ *([0-9.:]+ [a-z]+)\\])?.*");
    private static final Pattern FAILED_MODULE = Pattern.compile("^\\[INFO\\] ([^ ]+).* FAILURE.*");

    private int downloads;

    /** The progress line for one line of Maven's output, ELAPSED seconds into the build, if it makes one. */
    Optional<String> line(String line, long elapsed) {
        // batch mode prints the transfer lines with or without the [INFO] prefix, by Maven version
        if (line.startsWith("Downloaded from") || line.startsWith("[INFO] Downloaded from")) {
            return ++downloads % DOWNLOADS_PER_LINE == 0
                    ? Optional.of(String.format("    resolving dependencies: %d artifacts downloaded (%d s)", downloads, elapsed))
                    : Optional.empty();
        }
        Matcher building = BUILDING.matcher(line);
        if (building.matches()) {
            return Optional.of(String.format("    [%s] %-16s (%d s)", building.group(2), building.group(1), elapsed));
        }
        Matcher result = RESULT.matcher(line);
        if (result.matches()) {
            String module = result.group(1).split(" ", 2)[0];
            String time = result.group(4) == null ? "" : result.group(4);
            return Optional.of(String.format("    %-24s %-8s %s", module, result.group(2), time));
        }
        return Optional.empty();
    }

    /** The first module the reactor summary marks FAILURE. */
    static Optional<String> failedModule(List<String> log) {
        return log.stream().map(FAILED_MODULE::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst();
    }

    /** The one line bin/wallet prints after a failed build: the module, and a JDK older than 17 when that is the cause. */
    static String failure(List<String> log) {
        boolean oldJdk = log.stream().anyMatch(l -> l.contains("invalid target release") || l.contains("release version 17 not supported"));
        return "maven failed" + failedModule(log).map(m -> " in module " + m).orElse("")
                + (oldJdk ? " (likely cause: a JDK older than 17)" : "");
    }

    /** Its [ERROR] lines, the first 20. */
    static List<String> errors(List<String> log) {
        return log.stream().filter(l -> l.startsWith("[ERROR]")).limit(20).toList();
    }
}
