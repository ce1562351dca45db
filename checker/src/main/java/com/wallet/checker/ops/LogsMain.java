package com.wallet.checker.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/wallet logs [NAME] [--request ID]}: the services' JSON log lines (ECS, as Spring Boot and
 * log4j2's EcsLayout write them) one readable line per event: time, service, level, request id,
 * message. Without NAME every service's log, merged by time (each file is in time order already: a
 * k-way merge, so big logs are streamed, not loaded). A line that is not JSON is printed as it is,
 * at the time of the line before it.
 */
public final class LogsMain {

    private static final String USAGE = """
            usage: bin/wallet logs [NAME] [--request ID] [--color]

              NAME          one service's log (.wallet/logs/NAME.log; "processor" means every processor-N)
              --request ID  only the events logged for this request id (X-Request-Id)
              --color       colour the level (bin/wallet passes it when the output is a terminal)
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String RESET = "\u001b[0m";

    private LogsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** args: --dir DIR (bin/wallet gives .wallet/logs), then the user's arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return logs(args, out, err);
        } catch (IllegalArgumentException e) {
            err.println("wallet logs: " + e.getMessage());
            return 2;
        }
    }

    private static int logs(String[] args, PrintStream out, PrintStream err) {
        Path dir = Path.of(".wallet/logs");
        String name = null;
        String request = null;
        boolean color = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                case "--request" -> request = value(args, ++i, "--request");
                case "--color" -> color = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || name != null) {
                        err.println("wallet logs: unexpected argument " + args[i]);
                        err.print(USAGE);
                        return 2;
                    }
                    name = args[i];
                }
            }
        }
        List<Path> files = files(dir, name);
        if (files.isEmpty()) {
            err.println("wallet logs: no " + (name == null ? "" : name + " ") + "log under " + dir);
            return 1;
        }
        merge(files, request, color, out);
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** NAME.log, or NAME-N.log for every N (processor-1, processor-2, ...); all service logs without a name. */
    static List<Path> files(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> {
                String file = p.getFileName().toString();
                if (!file.endsWith(".log")) {
                    return false;
                }
                String service = file.substring(0, file.length() - ".log".length());
                if (name == null) {
                    return !service.startsWith("kafka-"); // kafka-tools, kafka-resolve: tools' own output
                }
                return service.equals(name) || service.matches(java.util.regex.Pattern.quote(name) + "-\\d+");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One log event, read from a service's file. */
    record Event(Instant time, String service, String level, String requestId, String message, String error) {
    }

    /** One open file with its next event. */
    private static final class Source {
        final String service;
        final BufferedReader reader;
        Event next;
        Instant last = Instant.EPOCH;

        Source(Path file) throws IOException {
            String name = file.getFileName().toString();
            this.service = name.substring(0, name.length() - ".log".length());
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        boolean advance() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    next = parse(service, line, last);
                    last = next.time();
                    return true;
                }
            }
            reader.close();
            next = null;
            return false;
        }
    }

    static void merge(List<Path> files, String request, boolean color, PrintStream out) {
        PriorityQueue<Source> queue = new PriorityQueue<>(Comparator.<Source, Instant>comparing(s -> s.next.time())
                .thenComparing(s -> s.service));
        try {
            for (Path file : files) {
                Source source = new Source(file);
                if (source.advance()) {
                    queue.add(source);
                }
            }
            while (!queue.isEmpty()) {
                Source source = queue.poll();
                Event event = source.next;
                if (request == null || request.equals(event.requestId())) {
                    out.println(format(event, color));
                }
                if (source.advance()) {
                    queue.add(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON line as an event; anything else as a message at the previous line's time. */
    static Event parse(String service, String line, Instant previous) {
        try {
            JsonNode json = JSON.readTree(line);
            if (json.isObject()) {
                Instant time = previous;
                String at = field(json, "@timestamp");
                if (at != null) {
                    try {
                        time = Instant.parse(at);
                    } catch (DateTimeParseException e) {
                        // keep the previous line's time
                    }
                }
                String errorType = field(json, "error.type");
                String errorMessage = field(json, "error.message");
                String error = errorType == null ? null
                        : errorType + (errorMessage == null ? "" : ": " + errorMessage.lines().findFirst().orElse(""));
                return new Event(time, service, field(json, "log.level"), field(json, "requestId"),
                        field(json, "message"), error);
            }
        } catch (JacksonException e) {
            // not JSON: shown as it is
        }
        return new Event(previous, service, null, null, line, null);
    }

    /** A field by its ECS name, nested ({"log":{"level":..}}, Spring Boot) or dotted ("log.level", log4j2). */
    private static String field(JsonNode json, String name) {
        JsonNode flat = json.get(name);
        if (flat != null && !flat.isNull()) {
            return flat.isString() ? flat.asString() : flat.toString();
        }
        JsonNode node = json;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
    }

    static String format(Event e, boolean color) {
        String level = e.level() == null ? "-" : e.level();
        String shownLevel = String.format("%-5s", level);
        if (color) {
            shownLevel = colour(level) + shownLevel + RESET;
        }
        StringBuilder line = new StringBuilder()
                .append(TIME.format(e.time())).append(' ')
                .append(String.format("%-15s", e.service())).append(' ')
                .append(shownLevel).append(' ')
                .append(e.requestId() == null ? "-" : e.requestId()).append(' ')
                .append(e.message() == null ? "" : e.message().replace("\n", " | "));
        if (e.error() != null) {
            line.append(" [").append(e.error()).append(']');
        }
        return line.toString();
    }

    private static String colour(String level) {
        return switch (level) {
            case "ERROR", "FATAL" -> "\u001b[31m";
            case "WARN" -> "\u001b[33m";
            case "INFO" -> "\u001b[32m";
            default -> "\u001b[2m";
        };
    }
}
