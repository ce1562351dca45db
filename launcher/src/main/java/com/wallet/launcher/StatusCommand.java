package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", customSynopsis = "usage: bin/wallet status",
        description = "One line per component (PostgreSQL and Redis too): state, pid, port, uptime, health, URL. STATE: up, down, start (process alive, port not open yet), other (the port answers, but not a process this checkout started). HEALTH: the actuator's status; machine / embedded for PostgreSQL and Redis; listening for Kafka.")
final class StatusCommand implements Callable<Integer> {

    private static final String FORMAT = "%-16s %-5s %-8s %-6s %-9s %-10s %s%n";
    private static final Pattern PROCESSOR_PID = Pattern.compile("processor-([0-9]+)\\.pid");

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() {
        Settings settings = launcher.settings();
        print(settings, new Processes(settings.pids()), new Health(), System.out);
        return 0;
    }

    static void print(Settings settings, Processes processes, Health health, PrintStream out) {
        out.printf(FORMAT, "COMPONENT", "STATE", "PID", "PORT", "UPTIME", "HEALTH", "URL");
        for (Settings.Component c : entries(settings)) {
            OptionalLong pid = switch (c.name()) {
                case "postgres" -> processes.pidOf("local-postgres");
                case "redis" -> processes.pidOf("local-redis");
                default -> processes.pidOf(c.name());
            };
            boolean open = Processes.portOpen(c.port());
            boolean database = c.name().equals("postgres") || c.name().equals("redis");
            String state;
            if (open && (pid.isPresent() || database)) {
                state = "up";
            } else if (open) {
                state = "other";
            } else if (pid.isPresent()) {
                state = "start";
            } else {
                state = "down";
            }
            String healthText;
            if (!state.equals("up")) {
                healthText = "-";
            } else if (database) {
                // Not started by bin/wallet: the machine's own (or another program's) server on that port.
                healthText = pid.isPresent() ? "embedded" : "machine";
            } else if (c.name().equals("kafka")) {
                healthText = "listening";
            } else {
                healthText = health.status(c.port()).orElse("DOWN");
            }
            out.printf(FORMAT, c.name(), state, pid.isPresent() ? String.valueOf(pid.getAsLong()) : "-", c.port(),
                    Processes.uptime(pid), healthText, url(settings, c));
        }
    }

    /** PostgreSQL, Redis, then the components; processor instances started earlier with a larger PROCESSOR_INSTANCES too. */
    static List<Settings.Component> entries(Settings settings) {
        int max = Math.max(settings.processorInstances(), highestProcessorPidFile(settings.pids()));
        List<Settings.Component> entries = new ArrayList<>();
        entries.add(new Settings.Component("postgres", settings.pgPort()));
        entries.add(new Settings.Component("redis", settings.redisPort()));
        entries.addAll(Settings.components(max));
        return entries;
    }

    private static int highestProcessorPidFile(Path pids) {
        if (!Files.isDirectory(pids)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.map(f -> PROCESSOR_PID.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .filter(i -> i < 100)
                    .max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String url(Settings settings, Settings.Component c) {
        return switch (c.name()) {
            case "postgres" -> "jdbc:postgresql://" + settings.pgHost() + ":" + c.port();
            case "redis" -> "redis://127.0.0.1:" + c.port();
            case "kafka" -> "127.0.0.1:" + c.port();
            case "gateway" -> "http://127.0.0.1:" + c.port() + "/graphql";
            case "webhook-ingest" -> "http://127.0.0.1:" + c.port() + "/webhooks/stripe";
            default -> "http://127.0.0.1:" + c.port();
        };
    }
}
