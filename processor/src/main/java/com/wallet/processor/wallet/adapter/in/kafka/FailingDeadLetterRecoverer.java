package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.processor.wallet.application.FailDeadLetteredCommandService;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.processor.wallet.application.FailDeadLetteredCommandService;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead-letters a record, then, for wallet.commands, closes its transaction (FAILED /
 * PROCESSING_ERROR) through {@link FailDeadLetteredCommandService}. The order matters: the
 * transaction is closed only once the record is safe on the dead-letter topic. The command id is
 * in clear in the envelope, so this works even when the payload cannot be decrypted; a record
 * that is not an envelope at all names no transaction and there is nothing to close.
 *
 * <p>If the database cannot be reached the close is tried a few times, then the exception
 * propagates: the error handler does not commit the offset, the record comes again, is
 * dead-lettered again (consumers of the DLQ de-duplicate by command id) and the close is retried.
 */
class FailingDeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(FailingDeadLetterRecoverer.class);
    private static final int CLOSE_ATTEMPTS = 4;

    private final ConsumerAwareRecordRecoverer deadLetters;
    private final FailDeadLetteredCommandService failDeadLettered;
    private final JsonMapper json;
    private final Duration retryInterval;

    FailingDeadLetterRecoverer(ConsumerAwareRecordRecoverer deadLetters, FailDeadLetteredCommandService failDeadLettered,
                               JsonMapper json, Duration retryInterval) {
        this.deadLetters = deadLetters;
        this.failDeadLettered = failDeadLettered;
        this.json = json;
        this.retryInterval = retryInterval;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        deadLetters.accept(record, consumer, exception); // throws if the DLQ did not acknowledge
        if (!Topics.WALLET_COMMANDS.equals(record.topic())) {
            return;
        }
        Optional<UUID> commandId = commandId(record.value());
        if (commandId.isEmpty()) {
            log.warn("dead-lettered {}-{}@{} is not a command envelope: no transaction to fail", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        closeWithRetries(commandId.get());
    }

    private void closeWithRetries(UUID commandId) {
        for (int attempt = 1; ; attempt++) {
            try {
                failDeadLettered.fail(commandId);
                return;
            } catch (RuntimeException e) {
                if (attempt == CLOSE_ATTEMPTS) {
                    throw e;
                }
                log.warn("failing dead-lettered command {} (attempt {}): {}", commandId, attempt,
                        e.getClass().getSimpleName());
                pause(retryInterval.multipliedBy(attempt));
            }
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying to fail a dead-lettered command", e);
        }
    }

    /** The envelope's clear command id: from the read envelope, or from the raw bytes of an unreadable one. */
    private Optional<UUID> commandId(Object value) {
        String id = null;
        if (value instanceof CommandEnvelope envelope) {
            id = envelope.commandId();
        } else if (value instanceof byte[] raw) {
            try {
                id = json.readTree(raw).path("commandId").asString(null);
            } catch (JacksonException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
