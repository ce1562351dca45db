package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** For bash's kafka-topics: the broker's classpath (resolved first when missing or stale). */
@Command(name = "kafka-classpath", hidden = true, customSynopsis = "usage: bin/wallet kafka-classpath",
        description = "Prints the local broker's classpath, resolving it with Maven first when missing or stale.")
final class KafkaClasspathCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws Exception {
        Settings settings = launcher.settings();
        // progress lines to stderr: stdout is the classpath alone
        String classpath = new KafkaBroker(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.err).classpath();
        System.out.println(classpath);
        return 0;
    }
}
