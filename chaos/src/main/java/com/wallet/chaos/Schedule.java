package com.wallet.chaos;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The whole plan of a run, derived from one {@code java.util.Random(seed)}: when each fault
 * happens with all its parameters, and the seed of the operation stream. The same seed, duration
 * and processor count give the same schedule (the wall-clock timing of the run itself varies).
 */
record Schedule(long seed, long durationMillis, int processors, long operationSeed, List<Planned> faults) {

    record Planned(long atMillis, Fault fault) {
    }

    static Schedule plan(long seed, long durationMillis, int processors) {
        Random random = new Random(seed);
        long operationSeed = random.nextLong();
        List<Planned> faults = new ArrayList<>();
        planHeavy(random, durationMillis, processors, faults);
        planLight(random, durationMillis, faults);
        faults.sort(Comparator.comparingLong(Planned::atMillis));
        return new Schedule(seed, durationMillis, processors, operationSeed, List.copyOf(faults));
    }

    /** Heavy faults one after the other, each kind once per shuffled round. */
    private static void planHeavy(Random random, long duration, int processors, List<Planned> out) {
        List<Function<Random, Fault>> kinds = new ArrayList<>();
        kinds.add(r -> new Fault.KillProcessor(1 + r.nextInt(processors), 500 + r.nextInt(4_000)));
        kinds.add(r -> new Fault.RestartRedis(1_000 + r.nextInt(5_000)));
        kinds.add(r -> new Fault.RestartKafka(1_000 + r.nextInt(5_000)));
        kinds.add(r -> new Fault.RestartPostgres(1_000 + r.nextInt(4_000)));
        if (processors >= 2) {
            kinds.add(r -> new Fault.RebalanceProcessor(1 + r.nextInt(processors), 1_000 + r.nextInt(5_000)));
            kinds.add(r -> new Fault.PauseLockHolder(1 + r.nextInt(processors), r.nextInt(Workload.HOT_WALLETS),
                    r.nextLong()));
        }
        List<Function<Random, Fault>> bag = new ArrayList<>();
        long at = 3_000 + random.nextInt(3_000);
        while (at < duration) {
            if (bag.isEmpty()) {
                bag.addAll(kinds);
                Collections.shuffle(bag, random);
            }
            Fault fault = bag.remove(0).apply(random);
            out.add(new Planned(at, fault));
            at += fault.estimatedMillis() + 2_000 + random.nextInt(4_000);
        }
    }

    /** Emulator faults every few seconds over the whole run, beside the heavy ones. */
    private static void planLight(Random random, long duration, List<Planned> out) {
        String[] apiKinds = {"error_before", "error_after", "rate_limit", "slow", "stall", "drop"};
        String[] paths = {"/v1/payment_intents", "/v1/transfers"};
        String[] hookKinds = {"delay", "duplicate", "reorder"};
        long at = 1_000 + random.nextInt(2_000);
        while (at < duration) {
            Fault fault;
            if (random.nextInt(3) < 2) {
                String kind = apiKinds[random.nextInt(apiKinds.length)];
                long delay = switch (kind) {
                    case "slow" -> 1_000 + random.nextInt(24_000);   // past the processor's 20 s read timeout sometimes
                    case "stall" -> 2_000 + random.nextInt(8_000);
                    default -> 0;
                };
                fault = new Fault.StripeApiFault(kind, paths[random.nextInt(paths.length)], 1 + random.nextInt(3), delay);
            } else {
                String kind = hookKinds[random.nextInt(hookKinds.length)];
                fault = new Fault.WebhookFault(kind, kind.equals("reorder") ? 2 + random.nextInt(3) : 1 + random.nextInt(3),
                        kind.equals("delay") ? 1_000 + random.nextInt(14_000) : 0);
            }
            out.add(new Planned(at, fault));
            at += 2_000 + random.nextInt(6_000);
        }
    }

    void print(PrintStream out) {
        out.printf("schedule: seed %d, %d s, %d processor(s), %d faults%n", seed, durationMillis / 1000, processors,
                faults.size());
        for (Planned p : faults) {
            out.printf("  t+%6.1f s  %-28s %s%n", p.atMillis() / 1000.0, p.fault().kind(), p.fault().describe());
        }
    }
}
