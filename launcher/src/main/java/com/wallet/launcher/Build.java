package com.wallet.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars the commands run, built with Maven when missing or older than their sources (their module's,
 * common's, or a pom): the services' (one {@code mvn install} with its progress summarised) and each
 * tool's (bench, checker, chaos, rekey, local-services: {@code mvn -q -pl MODULE -am package}).
 */
final class Build {

    /** What `up` runs; migrate is the one-shot schema migration. */
    static final List<String> SERVICE_MODULES = List.of("stripe-emulator", "gateway", "processor", "webhook-ingest", "migrate");

    private final Settings settings;
    private final PrintStream out;

    Build(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** MODULE/target/MODULE-VERSION[SUFFIX].jar. */
    Path jar(String module, String suffix) {
        return settings.root().resolve(module).resolve("target").resolve(module + "-" + Settings.VERSION + suffix + ".jar");
    }

    /** Missing, or older than one file of MODULE's sources, common's, or a pom (find -newer). */
    boolean stale(String module, Path jar) {
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        Path root = settings.root();
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            for (Path source : List.of(root.resolve(module).resolve("src"), root.resolve(module).resolve("pom.xml"),
                    root.resolve("common/src"), root.resolve("common/pom.xml"), root.resolve("pom.xml"))) {
                if (newerFile(source, built)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean newerFile(Path source, FileTime than) throws IOException {
        if (!Files.exists(source)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(than) > 0;
                } catch (IOException e) {
                    return false;   // gone while walking
                }
            });
        }
    }

    /** The services' jars, built in one `mvn install` when one is stale (WALLET_NO_BUILD=1: never, as the chaos run restarts with `up`). */
    void ensureBuilt() throws IOException, InterruptedException {
        if ("1".equals(settings.env().get("WALLET_NO_BUILD"))) {
            return;
        }
        List<String> stale = SERVICE_MODULES.stream().filter(m -> stale(m, jar(m, ""))).toList();
        if (stale.isEmpty()) {
            return;
        }
        requireMaven();
        out.println("==> building (" + String.join(" ", stale) + " missing or older than its sources): mvn -B -DskipTests install");
        if (progress("build", List.of("-DskipTests", "install")) != 0) {
            throw new LauncherException("the build failed");
        }
        for (String module : SERVICE_MODULES) {
            Path jar = jar(module, "");
            if (!Files.isRegularFile(jar)) {
                throw new LauncherException("the build produced no " + jar);
            }
            // Maven leaves a jar whose content did not change untouched: mark it built, or every `up` rebuilds.
            touch(jar);
        }
    }

    /** A tool's runnable jar, built first when stale; Maven's own lines go where this Build prints. */
    Path toolJar(String module, String suffix) throws IOException, InterruptedException {
        Path jar = jar(module, suffix);
        if (!stale(module, jar)) {
            return jar;
        }
        requireMaven();
        out.println("==> building the " + module + " jar: mvn -B -q -pl " + module + " -am -DskipTests package");
        out.flush();
        ProcessBuilder mvn = new ProcessBuilder("mvn", "-B", "-q", "-Dstyle.color=never", "-pl", module, "-am", "-DskipTests", "package")
                .directory(settings.root().toFile()).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        boolean toStdout = out == System.out;
        if (toStdout) {
            mvn.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = mvn.start();
        if (!toStdout) {
            // `token` and `logs` keep standard output for their own answer
            process.getInputStream().transferTo(out);
            out.flush();
        }
        if (process.waitFor() != 0) {
            throw new LauncherException("the " + module + " build failed");
        }
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException("the build produced no " + jar);
        }
        touch(jar);
        return jar;
    }

    static void requireMaven() {
        if (!Processes.onPath("mvn")) {
            throw new LauncherException("mvn not found: install Maven (apt-get install -y maven)");
        }
    }

    /**
     * {@code mvn -B ARGS} in the repository with its whole output in .wallet/logs/LOG.log and a summary
     * here ({@link MavenSummary}); after a failure, the module, its [ERROR] lines and the end of the log on stderr.
     */
    int progress(String log, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-Dstyle.color=never"));
        command.addAll(args);
        Files.createDirectories(settings.logs());
        Path file = new Logs(settings.logs()).of(log);
        long started = System.nanoTime();
        Process mvn = new ProcessBuilder(command).directory(settings.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectErrorStream(true).start();
        summarise(mvn.getInputStream(), file, started, out);
        int rc = mvn.waitFor();
        if (rc == 0) {
            out.println("    built in " + (System.nanoTime() - started) / 1_000_000_000L + " s (log: .wallet/logs/" + log + ".log)");
            return 0;
        }
        List<String> lines = new Logs(settings.logs()).tail(log, Integer.MAX_VALUE);
        System.err.println("wallet: " + MavenSummary.failure(lines));
        MavenSummary.errors(lines).forEach(System.err::println);
        new Logs(settings.logs()).printTail(log, 20, System.err);
        return rc;
    }

    /** Copies Maven's output to LOG line by line, printing the summary lines as they come (tee and a filter). */
    static void summarise(InputStream output, Path log, long startedNanos, PrintStream out) throws IOException {
        MavenSummary summary = new MavenSummary();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                summary.line(line, (System.nanoTime() - startedNanos) / 1_000_000_000L).ifPresent(out::println);
            }
        }
    }

    private static void touch(Path jar) throws IOException {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));
    }
}
