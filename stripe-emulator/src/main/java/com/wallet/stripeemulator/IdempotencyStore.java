package com.wallet.stripeemulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * First answers by (account, method, path, Idempotency-Key). A key is claimed while its request
 * runs; only answers Stripe would keep (2xx, 402) are saved, anything else frees the key again.
 * Saved answers are what the state file keeps; a claim in flight is not (its request never answered).
 */
@Component
class IdempotencyStore {

    /** A claimed key: {@code response} is null while the first request is in flight. */
    record Entry(String fingerprint, Saved response) {
    }

    record Saved(int status, byte[] body) {
    }

    /** A saved answer as the state file keeps it (the body is Stripe's JSON, UTF-8). */
    record Kept(String slot, String fingerprint, int status, String body) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cleared = new AtomicBoolean();
    private volatile boolean tracking;

    /** From now on, saved answers are noted for {@link #takeChanged} (only with a state file). */
    void trackChanges() {
        tracking = true;
    }

    /** Claims the key, or returns the entry that already holds it. */
    Entry claim(String key, String fingerprint) {
        return entries.putIfAbsent(key, new Entry(fingerprint, null));
    }

    void complete(String key, String fingerprint, int status, byte[] body) {
        if ((status >= 200 && status < 300) || status == 402) {
            entries.put(key, new Entry(fingerprint, new Saved(status, body)));
            if (tracking) {
                changed.add(key);
            }
        } else {
            entries.remove(key);
        }
    }

    /** Frees a key still in flight; an answer already saved stays (its work was done). */
    void release(String key) {
        entries.computeIfPresent(key, (k, entry) -> entry.response() == null ? null : entry);
    }

    void clear() {
        entries.clear();
        changed.clear();
        cleared.set(true);
    }

    /** The answers saved since the last call. */
    List<Kept> takeChanged() {
        List<Kept> taken = new ArrayList<>();
        for (Iterator<String> slots = changed.iterator(); slots.hasNext(); ) {
            String slot = slots.next();
            slots.remove();
            kept(slot, entries.get(slot)).ifPresent(taken::add);
        }
        return taken;
    }

    List<Kept> all() {
        List<Kept> all = new ArrayList<>();
        entries.forEach((slot, entry) -> kept(slot, entry).ifPresent(all::add));
        return all;
    }

    /** Whether {@link #clear} ran since the last call. */
    boolean takeCleared() {
        return cleared.getAndSet(false);
    }

    void restore(Kept kept) {
        entries.put(kept.slot(), new Entry(kept.fingerprint(),
                new Saved(kept.status(), kept.body().getBytes(StandardCharsets.UTF_8))));
    }

    private static Optional<Kept> kept(String slot, Entry entry) {
        if (entry == null || entry.response() == null) {
            return Optional.empty();
        }
        return Optional.of(new Kept(slot, entry.fingerprint(), entry.response().status(),
                new String(entry.response().body(), StandardCharsets.UTF_8)));
    }
}
