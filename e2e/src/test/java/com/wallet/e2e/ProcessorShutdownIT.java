package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown (issue 5, item 5): SIGTERM to a processor that is applying commands. It finishes
 * the record in flight, commits its offset and leaves the group; the other processor takes its
 * partitions from the committed offsets. Each transfer completes once, and no committed command is
 * delivered again (the DUPLICATE outcome does not grow).
 */
class ProcessorShutdownIT {

    private final WalletApi api = new WalletApi();
    private final SystemControl system = new SystemControl();

    @Test
    void sigtermMidStreamFinishesOrAbandonsTheWorkInFlightCleanly() throws Exception {
        int processors = system.processorCount();
        try (TransferStream stream = new TransferStream(api, "sigterm", 16)) {
            double[] duplicatesBefore = new double[processors + 1];
            for (int i = 1; i <= processors; i++) {
                duplicatesBefore[i] = system.commandsProcessed(i, "DUPLICATE");
            }
            int victim = ProcessorCrashIT.BusiestProcessor.whileStreaming(system, stream, processors, 60);

            system.signalProcessor(victim, "TERM");
            String log = system.processorLog(victim); // read before the restart truncates it
            stream.submit(100);
            system.restartMissing(processors);

            stream.assertEveryTransferCompletedExactlyOnce();
            List<String> stops = SystemControl.lines(log, "kafka consumer stopped");
            assertThat(stops).as("each consumer thread of processor-%s stopped", victim).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("NORMAL"));
            assertThat(log).as("the web server's graceful shutdown").contains("Graceful shutdown complete")
                    .doesNotContain("Graceful shutdown aborted");
            for (int i = 1; i <= processors; i++) {
                double grown = system.commandsProcessed(i, "DUPLICATE") - (i == victim ? 0 : duplicatesBefore[i]);
                assertThat(grown).as("redelivered committed commands on processor-%s", i).isZero();
            }
        } finally {
            system.restartMissing(processors);
        }
    }
}
