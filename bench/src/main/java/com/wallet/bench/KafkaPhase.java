package com.wallet.bench;

import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phases (b) and (d): sealed TransferFunds commands produced straight to wallet.commands (key =
 * source wallet id, acks=all, idempotent), at most {@code in-flight} outstanding, each timed from
 * its send to its final event on wallet.transactions.
 */
final class KafkaPhase implements AutoCloseable {

    /** The outcome of one batch of commands. */
    record Outcome(int sent, int completed, int failed, int missing, double seconds, Latency latency) {
        double tps() {
            return seconds > 0 ? (completed + failed) / seconds : 0;
        }
    }

    private final BenchOptions options;
    private final EventWatcher watcher;
    private final CommandCodec codec;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer;

    KafkaPhase(BenchOptions options, EventWatcher watcher, String encryptionKey) {
        this.options = options;
        this.watcher = watcher;
        // The processors' commands key: the current master key's wallet.commands HKDF key.
        this.codec = new CommandCodec(KeyRing.parse(encryptionKey, "").cipher(KeyRing.Purpose.COMMANDS), json);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wallet-bench-producer");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * Produces the transfers' commands and waits, at most {@code timeoutSeconds}, for their final
     * events; each is recorded in {@code perSecond} when its event was seen.
     */
    Outcome run(List<WalletFixtures.Transfer> transfers, PerSecond perSecond, int timeoutSeconds)
            throws InterruptedException {
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(options.inFlight());
        CountDownLatch done = new CountDownLatch(transfers.size());
        Latency latency = new Latency();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        watcher.onFinal(id -> {
            Long sent = sentAt.remove(id);
            if (sent != null) {
                long seen = watcher.finalOf(id).seenNanos();
                latency.recordNanos(seen - sent);
                perSecond.record(seen, seen - sent);
                window.release();
                done.countDown();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long start = System.nanoTime();
        int sent = 0;
        for (WalletFixtures.Transfer t : transfers) {
            if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            CommandEnvelope envelope = codec.seal(
                    new TransferFunds(t.id(), t.from(), t.to(), t.amount(), WalletFixtures.CURRENCY));
            String value = json.writeValueAsString(envelope);
            sentAt.put(t.id(), System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.WALLET_COMMANDS, t.from().toString(), value), (md, e) -> {
                if (e != null) {
                    sendError.compareAndSet(null, e);
                }
            });
            sent++;
        }
        producer.flush();
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long end = System.nanoTime();
        watcher.onFinal(id -> { });
        if (sendError.get() != null) {
            throw new IllegalStateException("sending to " + Topics.WALLET_COMMANDS + " failed: "
                    + sendError.get().getMessage());
        }
        int completed = 0;
        int failed = 0;
        long lastSeen = start;
        for (WalletFixtures.Transfer t : transfers) {
            EventWatcher.Final f = watcher.finalOf(t.id());
            if (f == null) {
                continue;
            }
            lastSeen = Math.max(lastSeen, f.seenNanos());
            if (f.status().equals("COMPLETED")) {
                completed++;
            } else {
                failed++;
            }
        }
        long until = completed + failed == transfers.size() ? lastSeen : end;
        return new Outcome(sent, completed, failed, transfers.size() - completed - failed,
                (until - start) / 1e9, latency);
    }

    @Override
    public void close() {
        producer.close();
    }
}
