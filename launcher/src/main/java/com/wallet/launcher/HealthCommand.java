package com.wallet.launcher;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "health", customSynopsis = "usage: bin/wallet health PORT",
        description = "Prints the overall status of http://127.0.0.1:PORT/actuator/health (UP, DOWN, ...; NONE when nothing answers); exit 0 only when it is UP.")
final class HealthCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PORT", description = "a service's port (gateway 8080, processor 8081, webhook-ingest 8082)")
    private int port;

    @Override
    public Integer call() {
        Optional<String> status = new Health().status(port);
        System.out.println(status.orElse("NONE"));
        return status.filter("UP"::equals).isPresent() ? 0 : 1;
    }
}
