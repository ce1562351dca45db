package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.DeclaredTopics;
import com.wallet.testsupport.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** ensure-topics against a real broker (test-support's: a container with Docker, an in-JVM KRaft broker without). */
class KafkaTopicsIT {

    @Test
    void shouldCreateTheDeclaredTopicsOnceAndLeaveThemOnTheSecondRun() throws Exception {
        String bootstrap = LocalServices.kafkaBootstrap();
        DeclaredTopics declared = KafkaTopicsTest.repositoryDeclarations();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<String> created = KafkaTopics.ensure(bootstrap, declared, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> again = KafkaTopics.ensure(bootstrap, declared, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(created).containsExactlyElementsOf(declared.topics().stream().map(DeclaredTopics.Topic::name).toList());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("==> creating topic wallet.commands (12 partitions)");
        assertThat(again).isEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // the broker's metadata catches up with the controller's a moment after CreateTopics answers
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                Map<String, TopicDescription> topics = admin.describeTopics(created).allTopicNames().get(10, TimeUnit.SECONDS);
                for (DeclaredTopics.Topic t : declared.topics()) {
                    assertThat(topics.get(t.name()).partitions()).as(t.name()).hasSize(t.partitions());
                    assertThat(topics.get(t.name()).partitions().get(0).replicas()).as(t.name()).hasSize(declared.replication());
                }
            });
        }
    }
}
