package com.wallet.processor.outbox;

import com.wallet.processor.leadership.Leadership;
import com.wallet.common.messaging.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes outbox_events to wallet.transactions in sequence order, keyed by wallet id (so each
 * wallet's events keep their order on one partition), waits for the broker's acks, then marks
 * them published. At-least-once: a crash between the ack and the mark re-sends; consumers
 * de-duplicate by eventId. Nothing is sent inside a business transaction.
 *
 * <p>It runs on a thread of its own (a slow reconciler round never delays it), drains while full
 * batches remain, then waits for the NOTIFY the processor's writers send at commit, or at most
 * {@code interval} (the gateway's PENDING events, and a lost notification).
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcOutboxEvents outbox;
    private final KafkaTemplate<String, String> kafka;
    private final Leadership leadership;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration interval;
    private final Timer rounds;
    private final DistributionSummary batches;
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(JdbcOutboxEvents outbox, KafkaTemplate<String, String> kafka, Leadership leadership,
                int batchSize, Duration sendTimeout, Duration interval, MeterRegistry meters) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.leadership = leadership;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.interval = interval;
        this.rounds = Timer.builder("wallet.outbox.relay")
                .description("one relay batch: read, send, wait for the acks, mark published").register(meters);
        this.batches = DistributionSummary.builder("wallet.outbox.relay.batch.size")
                .description("events published per relay batch").register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the round in flight finish (its sent events get marked published), then ends the thread. */
    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
            thread = null;
        }
        if (current != null) {
            try {
                current.join(sendTimeout.plus(interval).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            relay();
            leadership.awaitNotification(interval);
        }
    }

    /** One round: everything unpublished, batch after batch, if this instance is the relay. */
    public void relay() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            int published;
            do {
                published = relayOnce();
            } while (published == batchSize);
        } catch (RuntimeException e) {
            log.warn("outbox relay round failed, retrying next round: {}", e.getClass().getSimpleName());
        }
    }

    /** @return how many events were published and marked */
    int relayOnce() {
        long start = System.nanoTime();
        List<OutboxEvent> batch = outbox.unpublished(batchSize);
        if (batch.isEmpty()) {
            return 0; // idle rounds (every 100 ms) would drown the latency of real ones
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sends.add(kafka.send(Topics.WALLET_TRANSACTIONS, event.walletId(), event.payload()));
        }
        kafka.flush();
        List<Long> acked = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(batch.get(i).sequence());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Stop at the first failure: later events stay unpublished and go again, in order.
                log.warn("outbox event {} not acknowledged: {}", batch.get(i).sequence(), e.getClass().getSimpleName());
                break;
            }
        }
        outbox.markPublished(acked);
        rounds.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batches.record(acked.size());
        return acked.size();
    }
}
