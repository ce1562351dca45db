package com.wallet.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are and which ports they use, read from the environment exactly as bin/wallet reads
 * it: PostgreSQL's address from DATABASE_URL, Redis's port from the first REDIS_URL, the processor
 * count from PROCESSOR_INSTANCES, the health timeout from WALLET_UP_TIMEOUT.
 */
public record Settings(Path root, String pgHost, int pgPort, int redisPort, int processorInstances,
                       int upTimeoutSeconds, Map<String, String> env) {

    /** The build's version (every module shares it): the launcher jar's own, else the source tree's. */
    public static final String VERSION = Optional.ofNullable(Settings.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    public static final int KAFKA_PORT = 9092;
    public static final int EMULATOR_PORT = 12111;
    public static final int GATEWAY_PORT = 8080;
    /** Instance i listens on 8081 + 10*(i-1). */
    public static final int PROCESSOR_PORT = 8081;
    public static final int WEBHOOK_PORT = 8082;

    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/:]+)(:([0-9]+))?/.*");
    private static final Pattern REDIS = Pattern.compile("^rediss?://([^,/]*@)?[^,/:]+:([0-9]+).*");
    private static final Pattern INSTANCES = Pattern.compile("[1-9][0-9]?");

    public Settings {
        env = Map.copyOf(env);
    }

    public static Settings from(Path root, Map<String, String> env) {
        String pgHost = "127.0.0.1";
        int pgPort = 5432;
        int redisPort = 6379;
        Matcher db = JDBC.matcher(env.getOrDefault("DATABASE_URL", ""));
        if (db.matches()) {
            pgHost = db.group(1);
            pgPort = db.group(3) == null ? 5432 : Integer.parseInt(db.group(3));
        }
        Matcher redis = REDIS.matcher(env.getOrDefault("REDIS_URL", ""));
        if (redis.matches()) {
            redisPort = Integer.parseInt(redis.group(2));
        }
        String n = env.getOrDefault("PROCESSOR_INSTANCES", "1");
        if (!INSTANCES.matcher(n).matches()) {
            throw new LauncherException("PROCESSOR_INSTANCES must be a number from 1 to 99 (got '" + n + "')");
        }
        String timeout = env.getOrDefault("WALLET_UP_TIMEOUT", "240");
        if (!timeout.matches("[0-9]{1,6}")) {
            throw new LauncherException("WALLET_UP_TIMEOUT must be a number of seconds (got '" + timeout + "')");
        }
        return new Settings(root, pgHost, pgPort, redisPort, Integer.parseInt(n), Integer.parseInt(timeout), env);
    }

    public Path state() {
        return root.resolve(".wallet");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    public Path pids() {
        return state().resolve("pids");
    }

    public Path secrets() {
        return state().resolve("secrets");
    }

    public Path kafkaDeclarations() {
        return root.resolve("common/src/main/resources/wallet/kafka.properties");
    }

    public static int processorPort(int instance) {
        return PROCESSOR_PORT + 10 * (instance - 1);
    }

    /** NAME's value, or FALLBACK when it is unset or empty (bash's {@code ${NAME:-FALLBACK}}). */
    public String value(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public String databaseUrl() {
        return value("DATABASE_URL", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/wallet");
    }

    /** The database named by DATABASE_URL (default: wallet). */
    public String databaseName() {
        String url = databaseUrl();
        String db = url.substring(url.lastIndexOf('/') + 1);
        int query = db.indexOf('?');
        return query < 0 ? db : db.substring(0, query);
    }

    public String redisUrl() {
        return value("REDIS_URL", "redis://127.0.0.1:" + redisPort);
    }

    public String kafkaBootstrap() {
        return value("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA_PORT);
    }

    /**
     * The processors' Kafka Streams state is derived from the Kafka log, which is kept per database:
     * so is this (.wallet/streams/DB), and it is thrown away with the log.
     */
    public Path streamsStateDir() {
        return state().resolve("streams").resolve(databaseName());
    }

    /** The Stripe emulator's objects belong with the same database: one file per database name. */
    public Path emulatorStateFile() {
        return state().resolve("stripe-emulator").resolve("state-" + databaseName() + ".jsonl");
    }

    /** A module's runnable jar, MODULE/target/MODULE-VERSION.jar (the version this launcher was built as). */
    public Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    /**
     * The JVM options of the local services when WALLET_JAVA_OPTS does not replace them. C1 only
     * (TieredStopAtLevel=1): on this 2-core machine C2 compilation was more than half of a
     * processor's and the gateway's CPU over a bench run, and the system got faster without it
     * (README, Benchmark). Long-running deployments with cores to spare keep the JVM's default.
     */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** The JVM options every component gets: WALLET_JAVA_OPTS, split on blanks, or the default. */
    public List<String> commonJavaOptions() {
        String options = value("WALLET_JAVA_OPTS", DEFAULT_JAVA_OPTIONS);
        return Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /** The components {@code up} starts, in start order. */
    public List<Component> components() {
        return components(processorInstances);
    }

    public static List<Component> components(int processors) {
        List<Component> all = new ArrayList<>();
        all.add(new Component("kafka", KAFKA_PORT));
        all.add(new Component("stripe-emulator", EMULATOR_PORT));
        all.add(new Component("gateway", GATEWAY_PORT));
        for (int i = 1; i <= processors; i++) {
            all.add(new Component("processor-" + i, processorPort(i)));
        }
        all.add(new Component("webhook-ingest", WEBHOOK_PORT));
        return all;
    }

    public record Component(String name, int port) {
    }
}
