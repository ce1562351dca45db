package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.CommandEnvelope;

/** Port: wallet.commands. */
public interface CommandPublisher {

    /**
     * Sends the envelope keyed by its wallet id and waits for the broker's acknowledgement.
     *
     * @throws NotPublished when the broker did not acknowledge in time
     */
    void publish(CommandEnvelope envelope);

    final class NotPublished extends RuntimeException {
        public NotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
