package com.wallet.chaos;

import java.util.Locale;

/**
 * The faults a chaos run injects, each with every parameter fixed by the seed. Heavy faults stop
 * a part of the system and run one at a time; light ones only arm the Stripe emulator.
 */
sealed interface Fault {

    /** The kind, as counted in the report. */
    String kind();

    /** One line for the printed schedule. */
    String describe();

    /** Roughly how long it keeps the system disturbed, to space the heavy faults out. */
    long estimatedMillis();

    default boolean heavy() {
        return true;
    }

    /** SIGKILL of a processor while it works, then a restart through bin/wallet up. */
    record KillProcessor(int instance, long downMillis) implements Fault {
        public String kind() {
            return "processor-sigkill";
        }

        public String describe() {
            return "SIGKILL processor-" + instance + ", restart after " + downMillis + " ms";
        }

        public long estimatedMillis() {
            return downMillis + 25_000;
        }
    }

    /** SIGTERM of one of two processors (its partitions move to the other), then started again. */
    record RebalanceProcessor(int instance, long downMillis) implements Fault {
        public String kind() {
            return "processor-rebalance";
        }

        public String describe() {
            return "SIGTERM processor-" + instance + " (rebalance), start again after " + downMillis + " ms";
        }

        public long estimatedMillis() {
            return downMillis + 30_000;
        }
    }

    record RestartRedis(long downMillis) implements Fault {
        public String kind() {
            return "redis-restart";
        }

        public String describe() {
            return "stop Redis for " + downMillis + " ms";
        }

        public long estimatedMillis() {
            return downMillis + 2_000;
        }
    }

    record RestartKafka(long downMillis) implements Fault {
        public String kind() {
            return "kafka-restart";
        }

        public String describe() {
            return "stop the Kafka broker for " + downMillis + " ms";
        }

        public long estimatedMillis() {
            return downMillis + 20_000;
        }
    }

    record RestartPostgres(long downMillis) implements Fault {
        public String kind() {
            return "postgres-restart";
        }

        public String describe() {
            return "stop PostgreSQL for " + downMillis + " ms";
        }

        public long estimatedMillis() {
            return downMillis + 5_000;
        }
    }

    /**
     * A lock holder on processor {@code instance} paused past its Redis lease (the processor's
     * test hook) while transfers from {@code burst} other wallets contend for hot wallet {@code hotWallet}.
     */
    record PauseLockHolder(int instance, int hotWallet, long burstSeed) implements Fault {
        public String kind() {
            return "lock-holder-paused";
        }

        public String describe() {
            return "pause the next lock holder of hot wallet #" + hotWallet + " on processor-" + instance
                    + " past its lease, while other wallets transfer into it";
        }

        public long estimatedMillis() {
            return 40_000;
        }
    }

    /** POST /_emulator/faults: the next {@code count} Stripe API calls on {@code path} fail this way. */
    record StripeApiFault(String emulatorKind, String path, int count, long delayMillis) implements Fault {
        public String kind() {
            return "stripe-" + emulatorKind.replace('_', '-') + (path.contains("transfers") ? "-transfers" : "-payment-intents");
        }

        public String describe() {
            return String.format(Locale.ROOT, "Stripe %s on %s x%d%s", emulatorKind, path, count,
                    delayMillis > 0 ? " (" + delayMillis + " ms)" : "");
        }

        public long estimatedMillis() {
            return 0;
        }

        public boolean heavy() {
            return false;
        }
    }

    /** POST /_emulator/webhooks/faults: the next {@code count} webhooks are delayed, duplicated or reordered. */
    record WebhookFault(String emulatorKind, int count, long delayMillis) implements Fault {
        public String kind() {
            return "webhook-" + emulatorKind;
        }

        public String describe() {
            return String.format(Locale.ROOT, "webhooks %s x%d%s", emulatorKind, count,
                    delayMillis > 0 ? " (" + delayMillis + " ms)" : "");
        }

        public long estimatedMillis() {
            return 0;
        }

        public boolean heavy() {
            return false;
        }
    }
}
