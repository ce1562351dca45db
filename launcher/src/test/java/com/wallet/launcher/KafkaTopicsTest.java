package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.DeclaredTopics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    /** The repository's own declarations file, the one bin/wallet names. */
    static DeclaredTopics repositoryDeclarations() {
        Path root = Path.of("").toAbsolutePath().getParent();
        return DeclaredTopics.read(Settings.from(root, java.util.Map.of()).kafkaDeclarations());
    }

    @Test
    void shouldReadEveryDeclaredTopicFromTheRepositoryFile() {
        DeclaredTopics declared = repositoryDeclarations();

        assertThat(declared).isEqualTo(DeclaredTopics.load());
        assertThat(declared.topics()).extracting(DeclaredTopics.Topic::name)
                .contains("wallet.commands", "wallet.commands.dlq", "stripe.events", "wallet.transactions");
    }

    @Test
    void shouldCreateOnlyTheMissingTopicsWithTheDeclaredPartitionsAndReplication() {
        DeclaredTopics declared = new DeclaredTopics("4.1.2", (short) 1, List.of(
                new DeclaredTopics.Topic("a", 12), new DeclaredTopics.Topic("b", 3), new DeclaredTopics.Topic("c", 1)));

        List<NewTopic> missing = KafkaTopics.missing(declared, Set.of("b", "unrelated"));

        assertThat(missing).extracting(NewTopic::name).containsExactly("a", "c");
        assertThat(missing).extracting(NewTopic::numPartitions).containsExactly(12, 1);
        assertThat(missing).extracting(NewTopic::replicationFactor).containsOnly((short) 1);
    }
}
