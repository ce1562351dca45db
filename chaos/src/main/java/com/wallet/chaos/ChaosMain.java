package com.wallet.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/wallet chaos [--seed N] [--duration S]}: exit 0 only when the run found nothing. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "A seeded random workload with faults against the running system, then quiescence and the checker.")
public final class ChaosMain implements Callable<Integer> {

    @Option(names = "--seed", description = "seed of the schedule and the workload (default: random, printed)")
    Long seed;

    @Option(names = "--duration", defaultValue = "120", description = "seconds of workload and faults (default ${DEFAULT-VALUE})")
    long durationSeconds;

    @Option(names = "--rate", defaultValue = "8", description = "operations per second (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--quiescence-timeout", defaultValue = "480",
            description = "seconds to wait for every accepted request to be final (default ${DEFAULT-VALUE})")
    long quiescenceSeconds;

    @Option(names = "--repo", defaultValue = ".", description = "the checkout whose bin/wallet started the system")
    Path repo;

    @Option(names = "--plan-only", description = "print the schedule of the seed and exit")
    boolean planOnly;

    @Override
    public Integer call() {
        long s = seed != null ? seed : new java.util.Random().nextLong();
        if (planOnly) {
            Schedule.plan(s, Duration.ofSeconds(durationSeconds).toMillis(),
                    plannedProcessors()).print(System.out);
            return 0;
        }
        ChaosConfig config = ChaosConfig.local(s, Duration.ofSeconds(durationSeconds), repo)
                .withRate(rate).withQuiescenceTimeout(Duration.ofSeconds(quiescenceSeconds));
        return new ChaosRun(config, System.out).run().passed() ? 0 : 1;
    }

    /** The running system's processors; none running: the two bin/wallet chaos would start. */
    private int plannedProcessors() {
        int running = SystemControl.runningProcessors(repo);
        return running == 0 ? 2 : running;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }
}
