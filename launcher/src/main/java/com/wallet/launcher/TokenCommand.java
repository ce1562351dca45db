package com.wallet.launcher;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", customSynopsis = "usage: bin/wallet token USER [--admin] [--ttl 1h]",
        description = "Prints an HS256 JWT for USER (claims sub, roles, jti, iat, exp), signed with JWT_SECRET (environment, else .wallet/secrets/JWT_SECRET). The gateway refuses a ttl over JWT_MAX_TOKEN_LIFETIME (default 24h).")
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    private LauncherMain launcher;

    @Parameters(paramLabel = "USER", description = "the user id (sub): letters, digits and . _ @ + -")
    private String user;

    @Option(names = "--admin", description = "roles USER and ADMIN (else USER)")
    private boolean admin;

    @Option(names = "--ttl", defaultValue = "1h", paramLabel = "TTL",
            description = "lifetime: a number with an optional s/m/h/d suffix (default ${DEFAULT-VALUE})")
    private String ttl;

    @Override
    public Integer call() throws IOException {
        Settings settings = launcher.settings();
        System.out.println(Tokens.mint(user, admin, Tokens.parseTtl(ttl), Secrets.ensure(settings, System.err).jwtSecret(), Instant.now()));
        return 0;
    }
}
