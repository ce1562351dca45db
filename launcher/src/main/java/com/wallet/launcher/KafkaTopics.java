package com.wallet.launcher;

import com.wallet.common.messaging.DeclaredTopics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the declared topics (wallet/kafka.properties) that the broker does not have yet, with the Kafka AdminClient. */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {
    }

    /** The declared topics missing from EXISTING, in declaration order. */
    static List<NewTopic> missing(DeclaredTopics declared, Set<String> existing) {
        return declared.topics().stream()
                .filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), declared.replication()))
                .toList();
    }

    /**
     * Creates what is missing; returns the topics it created (one that a concurrent or just-finished
     * creation made first, not yet in the broker's topic list, counts as existing).
     */
    public static List<String> ensure(String bootstrap, DeclaredTopics declared, PrintStream out) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new LauncherException("could not list topics at " + bootstrap + ": " + reason(e), e);
            }
            List<NewTopic> missing = missing(declared, existing);
            List<String> created = new java.util.ArrayList<>();
            for (NewTopic topic : missing) {
                out.println("==> creating topic " + topic.name() + " (" + topic.numPartitions() + " partitions)");
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new LauncherException("could not create topic " + topic.name() + ": " + reason(e), e);
                    }
                } catch (TimeoutException e) {
                    throw new LauncherException("could not create topic " + topic.name() + " within " + TIMEOUT.toSeconds() + " s", e);
                }
            }
            return List.copyOf(created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating topics", e);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
