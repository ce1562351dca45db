package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.observability.RequestId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-sends accepted commands whose send after commit did not complete (gateway crash, broker
 * outage). Rows are locked FOR UPDATE SKIP LOCKED so several gateways never send the same batch at
 * once; the processor de-duplicates anyway.
 */
public class CommandRelay {

    private static final Logger log = LoggerFactory.getLogger(CommandRelay.class);

    private final CommandOutbox outbox;
    private final CommandPublisher publisher;
    private final TransactionTemplate tx;
    private final Duration staleAfter;
    private final int batchSize;

    public CommandRelay(CommandOutbox outbox, CommandPublisher publisher, TransactionTemplate tx,
                        Duration staleAfter, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.tx = tx;
        this.staleAfter = staleAfter;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${wallet.gateway.relay-interval:1s}",
            initialDelayString = "${wallet.gateway.relay-interval:1s}")
    public void relayScheduled() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("command relay round failed: {}", e.getClass().getSimpleName());
        }
    }

    /** @return how many stale commands were sent in this round */
    public int relay() {
        Integer sent = tx.execute(status -> {
            List<CommandOutbox.Unsent> due = outbox.lockUnpublished(staleAfter, batchSize);
            int count = 0;
            for (CommandOutbox.Unsent unsent : due) {
                CommandEnvelope envelope = unsent.envelope();
                // The accepted request's id: in this thread's log lines and, through the producer
                // interceptor, in the record's X-Request-Id header, as if the request had sent it.
                try (RequestId.Scope ignored = RequestId.open(unsent.requestId())) {
                    try {
                        publisher.publish(envelope);
                    } catch (CommandPublisher.NotPublished e) {
                        log.warn("relay could not publish command {}; will retry", envelope.commandId());
                        break;
                    }
                    outbox.markPublished(UUID.fromString(envelope.commandId()));
                    log.info("relay published command {}", envelope.commandId());
                }
                count++;
            }
            return count;
        });
        if (sent != null && sent > 0) {
            log.info("relay published {} stale command(s)", sent);
        }
        return sent == null ? 0 : sent;
    }
}
