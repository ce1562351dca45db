package com.wallet.launcher;

import com.wallet.common.messaging.DeclaredTopics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ensure-topics", customSynopsis = "usage: bin/wallet ensure-topics [--bootstrap-server HOST:PORT]",
        description = "Creates the topics declared in common/src/main/resources/wallet/kafka.properties that the broker lacks (their partitions and replication from the same file), with the Kafka AdminClient. `up` and `kafka-up` run it once the broker is ready.")
final class EnsureTopicsCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:" + Settings.KAFKA_PORT,
            description = "the broker (default ${DEFAULT-VALUE}: the local one)")
    private String bootstrap;

    @Override
    public Integer call() {
        Settings settings = launcher.settings();
        KafkaTopics.ensure(bootstrap, DeclaredTopics.read(settings.kafkaDeclarations()), System.out);
        return 0;
    }
}
