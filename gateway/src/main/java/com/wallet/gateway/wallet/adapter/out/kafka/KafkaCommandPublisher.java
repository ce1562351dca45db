package com.wallet.gateway.wallet.adapter.out.kafka;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.gateway.wallet.application.CommandPublisher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Sends envelopes as UTF-8 JSON to wallet.commands keyed by the source wallet id; waits for acks=all. */
class KafkaCommandPublisher implements CommandPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Duration timeout;

    KafkaCommandPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, Duration timeout) {
        this.kafka = kafka;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Void> publishAsync(CommandEnvelope envelope) {
        try {
            return kafka.send(Topics.WALLET_COMMANDS, envelope.walletId(), json.writeValueAsString(envelope))
                    .handle((result, e) -> {
                        if (e != null) {
                            throw new NotPublished("command " + envelope.commandId() + " was not acknowledged", e);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new NotPublished("command " + envelope.commandId() + " was not sent", e));
        }
    }

    @Override
    public void publish(CommandEnvelope envelope) {
        try {
            kafka.send(Topics.WALLET_COMMANDS, envelope.walletId(), json.writeValueAsString(envelope))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotPublished("interrupted while sending command " + envelope.commandId(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new NotPublished("command " + envelope.commandId() + " was not acknowledged", e);
        }
    }
}
