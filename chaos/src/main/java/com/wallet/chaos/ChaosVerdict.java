package com.wallet.chaos;

import com.wallet.checker.CheckFailedException;
import com.wallet.checker.CheckerConfig;
import com.wallet.checker.InvariantChecker;
import com.wallet.checker.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The invariant checker's verdict on the quiet system: the checker of {@code bin/wallet check},
 * in process, over the run's database, wallet.transactions and the emulator. Every violation it
 * names is the run's; a checker that cannot read a source is a violation too (no verdict is no pass).
 */
final class ChaosVerdict {

    record Verdict(List<String> violations, String output) {
    }

    private final CheckerConfig checker;

    ChaosVerdict(ChaosConfig config) {
        this.checker = CheckerConfig.local(config.databaseUrl(), config.kafkaBootstrap(), URI.create(config.emulatorUrl()))
                .withCredentials(config.databaseUser(), config.databasePassword());
    }

    Verdict judge() {
        try {
            Report report = new InvariantChecker(checker).run();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            return new Verdict(report.violations(), printed.toString(StandardCharsets.UTF_8));
        } catch (CheckFailedException e) {
            return new Verdict(List.of("the checker could not check: " + e.getMessage()), e.getMessage());
        }
    }
}
