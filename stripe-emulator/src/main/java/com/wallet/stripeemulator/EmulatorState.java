package com.wallet.stripeemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the emulator's objects, saved idempotent answers and events in {@code emulator.state-file}
 * across restarts, as Stripe keeps its own; without that file they live in memory only.
 *
 * <p>Every change of state runs through {@link #change}: a {@code /v1} or {@code /_emulator} request
 * that may change something ({@link StripeApiFilter}, {@link DurableRequestFilter}) and every
 * delayed task ({@link DurableScheduler}). With a state file, changes run one at a time, and what
 * one changed is appended to the file before it is answered; so the file never holds half a change,
 * and a new endpoint or delayed task needs no persistence code of its own. Delivery attempts of
 * webhooks change only their counters, outside any change: those are written within a second.
 */
@Component
class EmulatorState implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmulatorState.class);
    private static final int RECORDS_PER_LINE = 500;

    /** Work that changes the emulator's state. */
    interface Work<E extends Exception> {
        void run() throws E;
    }

    private final ObjectStore objects;
    private final IdempotencyStore keys;
    private final Webhooks webhooks;
    private final ReentrantLock lock = new ReentrantLock();
    private final StateFile file;
    private final ScheduledExecutorService flusher;

    EmulatorState(EmulatorProperties properties, ObjectStore objects, IdempotencyStore keys, Webhooks webhooks)
            throws IOException {
        this.objects = objects;
        this.keys = keys;
        this.webhooks = webhooks;
        if (properties.stateFile() == null || properties.stateFile().isBlank()) {
            log.info("emulator state in memory only (no emulator.state-file)");
            file = null;
            flusher = null;
            return;
        }
        file = StateFile.open(Path.of(properties.stateFile()));
        objects.trackChanges();
        keys.trackChanges();
        webhooks.trackChanges();
        load();
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "emulator-state-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    /** Runs {@code work}; with a state file, alone, and writes what it changed before returning. */
    <E extends Exception> void change(Work<E> work) throws E {
        if (file == null) {
            work.run();
            return;
        }
        lock.lock();
        try {
            work.run();
        } finally {
            try {
                if (lock.getHoldCount() == 1) {
                    persist();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void load() throws IOException {
        file.read(batch -> {
            batch.objects().forEach(objects::restore);
            batch.keys().forEach(keys::restore);
            batch.events().forEach(webhooks::restore);
        });
        lock.lock();
        try {
            compact();
        } finally {
            lock.unlock();
        }
        log.info("emulator state from {}: {} objects, {} idempotency keys, {} events", file.path(),
                objects.list(null).size(), keys.all().size(), webhooks.all().size());
    }

    private void persist() {
        try {
            boolean cleared = objects.takeCleared();
            cleared |= keys.takeCleared();
            cleared |= webhooks.takeCleared();
            if (cleared) {
                compact();
                return;
            }
            StateFile.Batch batch = new StateFile.Batch(objects.takeChanged(), keys.takeChanged(), webhooks.takeChanged());
            if (!batch.isEmpty()) {
                file.append(batch);
            }
            if (file.outgrown()) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator state file " + file.path(), e);
        }
    }

    /** Rewrites the file from memory. Changes taken first, so one made meanwhile is written again later, never lost. */
    private void compact() throws IOException {
        objects.takeChanged();
        keys.takeChanged();
        webhooks.takeChanged();
        List<StateFile.Batch> batches = new ArrayList<>();
        chunks(objects.list(null)).forEach(part -> batches.add(new StateFile.Batch(part, null, null)));
        chunks(keys.all()).forEach(part -> batches.add(new StateFile.Batch(null, part, null)));
        chunks(webhooks.all()).forEach(part -> batches.add(new StateFile.Batch(null, null, part)));
        file.rewrite(batches);
    }

    private void flush() {
        try {
            change(() -> { });
        } catch (RuntimeException e) {
            log.warn("emulator state not written: {}", e.toString());
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += RECORDS_PER_LINE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + RECORDS_PER_LINE)));
        }
        return chunks;
    }

    @Override
    public void destroy() throws IOException {
        if (file != null) {
            flusher.shutdownNow();
            change(() -> { });
            file.close();
        }
    }
}
