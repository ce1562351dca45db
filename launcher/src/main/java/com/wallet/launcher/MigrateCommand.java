package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", customSynopsis = "usage: bin/wallet migrate",
        description = "Creates the database named by DATABASE_URL when it is missing and migrates its schema once, as the owner (DATABASE_OWNER_USERNAME, default postgres; DATABASE_OWNER_PASSWORD); `up` does it before starting the services, which connect as wallet_app.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws Exception {
        Settings settings = launcher.settings();
        Build build = new Build(settings, System.out);
        build.ensureBuilt();
        new DataStores(settings, build, System.out).ensurePostgres();
        Database database = new Database(settings, System.out);
        database.ensure();
        database.migrate();
        return 0;
    }
}
