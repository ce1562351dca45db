package com.wallet.processor.wallet.application.transfer;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.WalletCommandDispatcher;

import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.WalletCommandDispatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The entry point for a poll of wallet.commands records. Every record is opened and checked
 * before any database work, so an unreadable or misrouted one stops the batch at its own index.
 * Then the records apply in order: each run of consecutive transfers in one database transaction
 * ({@link TransferBatchService}), any other command alone. A failure reports the index of the
 * first record not applied ({@link CommandBatchException}): the ones before it are committed, a
 * poison record is dead-lettered alone, and the ones after it come again.
 */
public class ProcessCommandBatchService {

    private final CommandCodec codec;
    private final TransferBatchService transfers;
    private final WalletCommandDispatcher others;
    private final MeterRegistry meters;
    private final Duration timeBudget;

    public ProcessCommandBatchService(CommandCodec codec, TransferBatchService transfers,
                                      WalletCommandDispatcher others, MeterRegistry meters, Duration timeBudget) {
        this.codec = codec;
        this.transfers = transfers;
        this.others = others;
        this.meters = meters;
        this.timeBudget = timeBudget;
    }

    /**
     * @return one outcome per record applied, in order: fewer than the records when the time budget
     *         ran out (the rest were not touched and are to be polled again)
     */
    public List<Outcome> process(List<CommandRecord> records) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        List<WalletCommand> commands = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (CommandRecord record : records) {
            try {
                commands.add(open(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        int i = 0;
        while (i < commands.size()) {
            if (i > 0 && System.nanoTime() - deadline > 0) {
                return outcomes;
            }
            if (commands.get(i) instanceof TransferFunds) {
                int end = i;
                List<TransferFunds> run = new ArrayList<>();
                while (end < commands.size() && commands.get(end) instanceof TransferFunds transfer) {
                    run.add(transfer);
                    end++;
                }
                TransferBatchService.Result result = applyRun(records.get(i), run);
                outcomes.addAll(result.outcomes());
                if (result.poison() != null) {
                    throw new CommandBatchException(records.get(i + result.outcomes().size()).index(), result.poison());
                }
                i = end;
            } else {
                outcomes.add(applyOne(records.get(i), commands.get(i)));
                i++;
            }
        }
        if (unreadable != null) {
            throw new CommandBatchException(records.get(commands.size()).index(), unreadable);
        }
        return outcomes;
    }

    private WalletCommand open(CommandRecord record) {
        if (record.envelope() == null) {
            throw new CommandCodec.UnreadableCommandException("record has no value");
        }
        if (record.key() == null || !record.key().equals(record.envelope().walletId())) {
            throw new PoisonCommandException("record key does not match the envelope's wallet id");
        }
        return codec.open(record.envelope());
    }

    private TransferBatchService.Result applyRun(CommandRecord first, List<TransferFunds> run) {
        long start = System.nanoTime();
        TransferBatchService.Result result;
        try {
            result = transfers.apply(run);
        } catch (RuntimeException e) {
            count("TRANSFER", "ERROR", run.size());
            error("TRANSFER", e);
            throw new CommandBatchException(first.index(), e);
        }
        // Each command took as long as the run it was applied in.
        long took = System.nanoTime() - start;
        Timer timer = meters.timer("wallet.command.processing", "type", "TRANSFER");
        result.outcomes().forEach(outcome -> {
            timer.record(took, TimeUnit.NANOSECONDS);
            count("TRANSFER", outcome.name(), 1);
        });
        DistributionSummary.builder("wallet.command.batch.size").tag("type", "TRANSFER")
                .description("transfers applied in one database transaction").register(meters)
                .record(result.outcomes().size());
        return result;
    }

    private Outcome applyOne(CommandRecord record, WalletCommand command) {
        String type = command.type().name();
        try (RequestId.Scope ignored = RequestId.open(record.requestId())) {
            Timer.Sample sample = Timer.start(meters);
            Outcome outcome = others.dispatch(command);
            sample.stop(meters.timer("wallet.command.processing", "type", type));
            count(type, outcome.name(), 1);
            return outcome;
        } catch (RuntimeException e) {
            count(type, "ERROR", 1);
            error(type, e);
            throw new CommandBatchException(record.index(), e);
        }
    }

    /** Why it will be retried or dead-lettered: the exception's type only (messages can carry SQL values). */
    private void error(String type, RuntimeException e) {
        Counter.builder("wallet.commands.errors").tag("type", type).tag("exception", e.getClass().getSimpleName())
                .register(meters).increment();
    }

    private void count(String type, String outcome, int n) {
        Counter.builder("wallet.commands.processed").tag("type", type).tag("outcome", outcome)
                .register(meters).increment(n);
    }
}
