package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "kafka-up", customSynopsis = "usage: bin/wallet kafka-up",
        description = "Starts only the local Kafka broker (single-node KRaft from Maven artifacts: classpath resolved once with kafka/pom.xml, storage formatted once per database under .wallet/kafka/data-DB, pid .wallet/pids/kafka.pid, log .wallet/logs/kafka.log), waits until it is ready (60 s at most) and creates the declared topics. `up` does the same.")
final class KafkaUpCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws Exception {
        Settings settings = launcher.settings();
        new KafkaBroker(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.out).up();
        return 0;
    }
}
