package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.WalletCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point for one wallet.commands record: checks the routing, opens the envelope and
 * dispatches. Unreadable or misrouted records throw poison exceptions (dead-letter topic); any
 * other failure propagates so the record is retried, never lost.
 */
public class ProcessWalletCommandService {

    private static final Logger log = LoggerFactory.getLogger(ProcessWalletCommandService.class);

    private final CommandCodec codec;
    private final WalletCommandDispatcher dispatcher;
    private final MeterRegistry meters;

    public ProcessWalletCommandService(CommandCodec codec, WalletCommandDispatcher dispatcher, MeterRegistry meters) {
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.meters = meters;
    }

    public Outcome process(String key, CommandEnvelope envelope) {
        if (envelope == null) {
            throw new CommandCodec.UnreadableCommandException("record has no value");
        }
        if (key == null || !key.equals(envelope.walletId())) {
            throw new PoisonCommandException("record key does not match the envelope's wallet id");
        }
        WalletCommand command = codec.open(envelope);
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome;
        try {
            outcome = dispatcher.dispatch(command);
        } catch (RuntimeException e) {
            count(command, "ERROR");
            // why it will be retried or dead-lettered: the exception's type only (messages can carry SQL values)
            Counter.builder("wallet.commands.errors").tag("type", command.type().name())
                    .tag("exception", e.getClass().getSimpleName()).register(meters).increment();
            throw e;
        }
        sample.stop(meters.timer("wallet.command.processing", "type", command.type().name()));
        count(command, outcome.name());
        log.debug("command {} {} -> {}", command.transactionId(), command.type(), outcome);
        return outcome;
    }

    private void count(WalletCommand command, String outcome) {
        Counter.builder("wallet.commands.processed").tag("type", command.type().name()).tag("outcome", outcome)
                .register(meters).increment();
    }
}
