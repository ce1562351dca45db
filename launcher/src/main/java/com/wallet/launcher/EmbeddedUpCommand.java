package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "embedded-up", customSynopsis = "usage: bin/wallet embedded-up postgres|redis PORT",
        description = "Starts an embedded PostgreSQL 15 or Redis (module local-services; data in .wallet/pg or .wallet/redis, pid local-postgres or local-redis) unless it runs, and waits (120 s at most) until it accepts connections. `up` and `test` do it where nothing answers on the port and the machine has none (or WALLET_EMBEDDED=1).")
final class EmbeddedUpCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Parameters(index = "0", paramLabel = "KIND", description = "postgres or redis")
    private String kind;

    @Parameters(index = "1", paramLabel = "PORT", description = "the port on 127.0.0.1")
    private int port;

    @Override
    public Integer call() throws Exception {
        Settings settings = launcher.settings();
        new Build(settings, System.out).toolJar("local-services", "");
        new EmbeddedServer(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.out)
                .up(EmbeddedServer.Kind.of(kind), port);
        return 0;
    }
}
