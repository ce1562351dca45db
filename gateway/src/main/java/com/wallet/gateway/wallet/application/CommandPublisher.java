package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.CommandEnvelope;
import java.util.concurrent.CompletableFuture;

/** Port: wallet.commands. */
public interface CommandPublisher {

    /**
     * Sends the envelope keyed by its wallet id and waits for the broker's acknowledgement.
     *
     * @throws NotPublished when the broker did not acknowledge in time
     */
    void publish(CommandEnvelope envelope);

    /**
     * Sends the envelope without waiting: the future completes when the broker acknowledged it,
     * or fails with {@link NotPublished}. (By default, the blocking send.)
     */
    default CompletableFuture<Void> publishAsync(CommandEnvelope envelope) {
        try {
            publish(envelope);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    final class NotPublished extends RuntimeException {
        public NotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
