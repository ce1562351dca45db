package com.wallet.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "ensure-secrets", customSynopsis = "usage: bin/wallet ensure-secrets",
        description = "Generates the local ENCRYPTION_SECRET_KEY and JWT_SECRET under .wallet/secrets (directory mode 700, files 600) where the environment gives none and no file holds one yet; prints what it generated, never a value. `up` does it.")
final class EnsureSecretsCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Override
    public Integer call() throws Exception {
        Secrets.ensure(launcher.settings(), System.out);
        return 0;
    }
}
