package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A processor killed with SIGKILL while transfers are flowing over many wallets (many partitions of
 * wallet.commands): the one killed is one that is applying commands at that moment. Nothing accepted
 * is lost, nothing is applied twice, and every state change reaches wallet.transactions (contract
 * section 6, rules 3, 4, 6).
 */
class ProcessorCrashIT {

    private final WalletApi api = new WalletApi();
    private final SystemControl system = new SystemControl();

    @Test
    void transfersSurviveAProcessorKilledMidStream() throws Exception {
        int processors = system.processorCount();
        try (TransferStream stream = new TransferStream(api, "crash", 16)) {
            int victim = BusiestProcessor.whileStreaming(system, stream, processors, 60);

            system.signalProcessor(victim, "KILL");
            stream.submit(100);
            system.restartMissing(processors);

            stream.assertEveryTransferCompletedExactlyOnce();
        } finally {
            system.restartMissing(processors);
        }
    }

    /** Picks the processor that applied the most commands of a first burst: one that owns partitions with traffic. */
    static final class BusiestProcessor {

        static int whileStreaming(SystemControl system, TransferStream stream, int processors, int burst) {
            double[] before = new double[processors + 1];
            for (int i = 1; i <= processors; i++) {
                before[i] = system.applied(i);
            }
            stream.submit(burst);
            int[] busiest = new int[1];
            await("the first transfers are applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        double commandsApplied = 0; // counts from /actuator/prometheus, not money
                        double most = 0;
                        for (int i = 1; i <= processors; i++) {
                            double delta = system.applied(i) - before[i];
                            commandsApplied += delta;
                            if (delta > most) {
                                most = delta;
                                busiest[0] = i;
                            }
                        }
                        return commandsApplied >= burst / 3.0;
                    });
            assertThat(busiest[0]).as("a processor applying commands").isPositive();
            return busiest[0];
        }

        private BusiestProcessor() {
        }
    }
}
