package com.wallet.common.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka declarations of {@code wallet/kafka.properties} (the one place that names the broker
 * version, the topics, their partitions and replication), in file order. bin/wallet and
 * docker-compose.yml read the same file.
 */
public record DeclaredTopics(String kafkaVersion, short replication, List<Topic> topics) {

    public static final String RESOURCE = "wallet/kafka.properties";

    public record Topic(String name, int partitions) {
    }

    public DeclaredTopics {
        topics = List.copyOf(topics);
    }

    public static DeclaredTopics load() {
        try (InputStream in = DeclaredTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declarations in a file (bin/wallet's launcher reads the repository's own copy). */
    public static DeclaredTopics read(java.nio.file.Path file) {
        try {
            return parse(java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code key=value}; {@code #} starts a comment. Order is kept (java.util.Properties loses it). */
    static DeclaredTopics parse(List<String> lines) {
        String version = null;
        Short replication = null;
        List<Topic> topics = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(RESOURCE + ": not key=value: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("kafka.version")) {
                version = value;
            } else if (key.equals("topics.replication")) {
                replication = Short.parseShort(value);
            } else if (key.startsWith("topic.")) {
                topics.add(new Topic(key.substring("topic.".length()), Integer.parseInt(value)));
            } else {
                throw new IllegalArgumentException(RESOURCE + ": unknown key " + key);
            }
        }
        if (version == null || replication == null || topics.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " needs kafka.version, topics.replication and topic.* lines");
        }
        return new DeclaredTopics(version, replication, topics);
    }

    public Topic topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("topic " + name + " is not declared in " + RESOURCE));
    }
}
