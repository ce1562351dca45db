package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands that hand over to a tool's jar (check, rekey, logs, dlq, kafka-topics): the jar built
 * when stale, its environment's defaults set as bin/wallet always set them, its exit code ours.
 * The tools answer --help themselves.
 */
final class Tools {

    private final Settings settings;
    private final Map<String, String> env;
    private final Children children;

    /** ENV: what the caller exported (a run's secrets, its DATABASE_URL). */
    Tools(Settings settings, Map<String, String> env, Children children) {
        this.settings = settings;
        this.env = env;
        this.children = children;
    }

    static Tools standalone(Settings settings) {
        return new Tools(settings, settings.env(), new Children(settings.root()));
    }

    static boolean asksForHelp(List<String> args) {
        return args.contains("-h") || args.contains("--help");
    }

    private Build build(PrintStream out) {
        return new Build(settings, out);
    }

    private String value(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private Map<String, String> with(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(extra);
        return all;
    }

    private static List<String> command(List<String> head, List<String> args) {
        List<String> all = new ArrayList<>(head);
        all.addAll(args);
        return all;
    }

    /** The invariant checker (contract section 6): exit 0 only when every invariant holds. */
    int check(List<String> args) throws IOException, InterruptedException {
        Path jar = build(System.out).toolJar("checker", "-exec");
        if (asksForHelp(args)) {
            children.run(List.of("java", "-jar", jar.toString(), "--help"), env);
            return 0;
        }
        return children.run(command(List.of("java", "-Xmx1g", "-XX:+UseSerialGC", "-jar", jar.toString()), args), checkEnvironment());
    }

    /** The checker reads as the owner by default; the rest as for the services. */
    Map<String, String> checkEnvironment() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("DATABASE_URL", value("DATABASE_URL", "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/wallet"));
        extra.put("DATABASE_USERNAME", value("DATABASE_USERNAME", "postgres"));
        extra.put("DATABASE_PASSWORD", value("DATABASE_PASSWORD", ""));
        extra.put("KAFKA_BOOTSTRAP_SERVERS", value("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Settings.KAFKA_PORT));
        extra.put("STRIPE_API_BASE", value("STRIPE_API_BASE", "http://127.0.0.1:" + Settings.EMULATOR_PORT));
        return with(extra);
    }

    /**
     * Re-encrypts every stored value under ENCRYPTION_SECRET_KEY (contract section 8), as the application
     * role wallet_app: its conditional UPDATEs are within that role's grants (migration V6).
     */
    int rekey(List<String> args) throws IOException, InterruptedException {
        Path jar = build(System.out).toolJar("rekey", "-exec");
        if (asksForHelp(args)) {
            children.run(List.of("java", "-jar", jar.toString(), "--help"), env);
            return 0;
        }
        return children.run(command(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()), args), rekeyEnvironment());
    }

    /** The system's current key (the environment's, else .wallet/secrets), as the application role by default. */
    Map<String, String> rekeyEnvironment() throws IOException {
        LocalSecrets secrets = Secrets.ensure(settings, new PrintStream(PrintStream.nullOutputStream()));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(Secrets.ENCRYPTION, secrets.encryptionKey());
        extra.put(Secrets.JWT, secrets.jwtSecret());
        extra.put("ENCRYPTION_PREVIOUS_KEYS", value("ENCRYPTION_PREVIOUS_KEYS", ""));
        extra.put("DATABASE_URL", value("DATABASE_URL", "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/wallet"));
        extra.put("DATABASE_USERNAME", value("DATABASE_USERNAME", "wallet_app"));
        extra.put("DATABASE_PASSWORD", value("DATABASE_PASSWORD", ""));
        extra.put("KAFKA_BOOTSTRAP_SERVERS", value("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Settings.KAFKA_PORT));
        return with(extra);
    }

    /** The services' JSON logs, one readable line per event; coloured on a terminal unless NO_COLOR. */
    int logs(List<String> args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--dir", settings.logs().toString()));
        if (stdoutIsTerminal() && value("NO_COLOR", "").isEmpty()) {
            all.add("--color");
        }
        all.addAll(args);
        return opsTool("LogsMain", all, env);
    }

    /** The dead-letter topics: list, show, replay. */
    int dlq(List<String> args) throws IOException, InterruptedException {
        return opsTool("DlqMain", args, with(Map.of("KAFKA_BOOTSTRAP_SERVERS", value("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Settings.KAFKA_PORT))));
    }

    /** An operator tool in the checker's jar, through Spring Boot's PropertiesLauncher with another main class. */
    private int opsTool(String main, List<String> args, Map<String, String> toolEnv) throws IOException, InterruptedException {
        Path jar = build(System.err).toolJar("checker", "-exec");
        return children.run(command(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", jar.toString(),
                "-Dloader.main=com.wallet.checker.ops." + main, "org.springframework.boot.loader.launch.PropertiesLauncher"), args), toolEnv);
    }

    /** Kafka's kafka-topics tool against the local broker, on the broker's classpath, quiet logging. */
    int kafkaTopics(List<String> args) throws IOException, InterruptedException {
        // the resolution's progress to stderr, as before: standard output is the tool's
        String classpath = new KafkaBroker(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.err).classpath();
        return children.run(command(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + settings.root().resolve("kafka/log4j2-tools.xml"), "-cp", classpath,
                "org.apache.kafka.tools.TopicCommand", "--bootstrap-server", "127.0.0.1:" + Settings.KAFKA_PORT), args), env);
    }

    /** Bash's [[ -t 1 ]]: this JVM's standard output (bin/wallet exec'd it, so the caller's) is a terminal. */
    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
