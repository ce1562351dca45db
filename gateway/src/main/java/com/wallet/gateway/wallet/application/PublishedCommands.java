package com.wallet.gateway.wallet.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Commands the broker acknowledged, marked published in command_outbox in one statement per round
 * instead of one commit per mutation: a mutation answers after its own commit, without waiting for
 * Kafka or for a second database round trip. An id not marked yet (a crash, a slow round) only
 * means the relay sends that command again after {@code relay-stale-after}; the processor applies
 * each command once.
 */
public class PublishedCommands {

    private static final Logger log = LoggerFactory.getLogger(PublishedCommands.class);

    private final CommandOutbox outbox;
    private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();

    public PublishedCommands(CommandOutbox outbox) {
        this.outbox = outbox;
    }

    /** Called when the broker acknowledged the command (on the producer's thread: only queues it). */
    public void acknowledged(UUID commandId) {
        acknowledged.add(commandId);
    }

    @Scheduled(fixedDelayString = "${wallet.gateway.mark-published-interval:100ms}")
    public void markScheduled() {
        try {
            mark();
        } catch (RuntimeException e) {
            log.warn("marking published commands failed, the relay re-sends them: {}", e.getClass().getSimpleName());
        }
    }

    /** @return how many ids this round marked */
    public int mark() {
        List<UUID> ids = new ArrayList<>();
        for (UUID id = acknowledged.poll(); id != null && ids.size() < 10_000; id = acknowledged.poll()) {
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            outbox.markPublished(ids);
        }
        return ids.size();
    }
}
