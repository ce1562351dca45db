package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** For the start-up steps still in bash (embedded servers, Kafka): the cause suffix of their messages. */
@Command(name = "likely-cause", hidden = true, customSynopsis = "usage: bin/wallet likely-cause NAME [PORT]",
        description = "Prints \" (likely cause: ...)\" read from the end of .wallet/logs/NAME.log, or nothing.")
final class LikelyCauseCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PORT")
    private Integer port;

    @Override
    public Integer call() {
        Settings settings = launcher.settings();
        System.out.print(LikelyCause.suffix(new Logs(settings.logs()), new LikelyCause.Context(name, port, settings)));
        return 0;
    }
}
