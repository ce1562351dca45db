package com.wallet.common.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.DeclaredTopics;
import com.wallet.common.messaging.Topics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * wallet/kafka.properties is the one declaration of the Kafka version, the topics, their
 * partitions and replication; everything that creates topics or runs a broker must agree with it.
 */
class KafkaDeclarationsTest {

    private final DeclaredTopics declared = DeclaredTopics.load();
    private final Path root = Repository.root();

    @Test
    void shouldDeclareExactlyTheTopicsOfTheContract() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().endsWith("_PREFIX")) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(declared.topics()).extracting(DeclaredTopics.Topic::name).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void shouldGiveWalletCommandsTheProcessorGroupsPartitions() {
        assertThat(declared.topic(Topics.WALLET_COMMANDS).partitions()).isEqualTo(Topics.COMMAND_PARTITIONS);
    }

    @Test
    void shouldGiveEachDeadLetterTopicAsManyPartitionsAsItsSource() {
        for (DeclaredTopics.Topic t : declared.topics()) {
            if (t.name().endsWith(".dlq")) {
                String source = t.name().substring(0, t.name().length() - ".dlq".length());
                assertThat(t.partitions()).as(t.name()).isEqualTo(declared.topic(source).partitions());
            }
        }
    }

    @Test
    void shouldResolveTheLocalBrokerOfTheDeclaredVersion() throws IOException {
        String pom = Files.readString(root.resolve("kafka/pom.xml"));
        Matcher m = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).as("kafka/pom.xml's default (the launcher passes -Dkafka.version)").isEqualTo(declared.kafkaVersion());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheDeclaredKafkaVersionInComposeAndCreateTopicsFromTheFile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> kafkaImages = services.values().stream()
                .map(s -> String.valueOf(s.get("image")))
                .filter(i -> i.startsWith("apache/kafka"))
                .toList();
        assertThat(kafkaImages).isNotEmpty().allMatch(i -> i.equals("apache/kafka:" + declared.kafkaVersion()));

        List<String> volumes = (List<String>) services.get("kafka-topics").get("volumes");
        assertThat(volumes).anyMatch(v -> v.startsWith("./common/src/main/resources/" + DeclaredTopics.RESOURCE + ":"));
        String script = String.valueOf(services.get("kafka-topics").get("command"));
        assertThat(script).doesNotContain("wallet.commands").contains("topics\\.replication");
    }

    @Test
    void shouldRunTheDeclaredKafkaVersionInIntegrationTestContainers() throws IOException {
        String localServices = Files.readString(root.resolve("test-support/src/main/java/com/wallet/testsupport/LocalServices.java"));
        assertThat(localServices).doesNotContainPattern("apache/kafka:[0-9]").contains(DeclaredTopics.RESOURCE);
    }
}
