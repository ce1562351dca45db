package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.CommandEnvelope;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Port: accepted commands, durable before they are sent to wallet.commands ({@link Submissions} writes them). */
public interface CommandOutbox {

    void markPublished(UUID commandId);

    /** {@link #markPublished} for many commands at once (one statement). */
    default void markPublished(Collection<UUID> commandIds) {
        commandIds.forEach(this::markPublished);
    }

    /**
     * Locks (FOR UPDATE SKIP LOCKED) up to {@code limit} envelopes still unpublished after
     * {@code olderThan}, oldest first. Must run inside a database transaction.
     */
    List<Unsent> lockUnpublished(Duration olderThan, int limit);

    /** An envelope still to send, with the request id of the request that was accepted (or null). */
    record Unsent(CommandEnvelope envelope, String requestId) {
    }
}
