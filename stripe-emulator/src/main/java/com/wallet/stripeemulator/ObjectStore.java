package com.wallet.stripeemulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Every object the emulator created, as the JSON maps it answers with. Services change an object
 * only while holding its monitor, so a webhook snapshot never sees a half-made change. Each object
 * reports its own changes ({@link StoredObject}); {@link EmulatorState} takes them for the state file.
 */
@Component
class ObjectStore {

    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cleared = new AtomicBoolean();
    private volatile boolean tracking;

    /** From now on, changes are noted for {@link #takeChanged} (only with a state file: nobody takes them otherwise). */
    void trackChanges() {
        tracking = true;
    }

    Map<String, Object> create(String type, String prefix) {
        String id = Ids.next(prefix);
        StoredObject object = new StoredObject(id, this::changed);
        object.put("id", id);
        object.put("object", type);
        object.put("created", Instant.now().getEpochSecond());
        object.put("livemode", false);
        objects.put(id, object);
        return object;
    }

    Map<String, Object> get(String type, String id) {
        Map<String, Object> object = objects.get(id);
        if (object == null || !type.equals(object.get("object"))) {
            throw StripeException.missing(type, id);
        }
        return object;
    }

    /** Objects of a type (all types when null), oldest first. */
    List<Map<String, Object>> list(String type) {
        return objects.values().stream()
                .filter(o -> type == null || type.equals(o.get("object")))
                .sorted(Comparator.comparingLong(o -> (Long) o.get("created")))
                .toList();
    }

    void clear() {
        objects.clear();
        changed.clear();
        cleared.set(true);
    }

    /** The objects changed since the last call, as they are now (a forgotten one is left out). */
    List<Map<String, Object>> takeChanged() {
        List<Map<String, Object>> taken = new ArrayList<>();
        for (Iterator<String> ids = changed.iterator(); ids.hasNext(); ) {
            Map<String, Object> object = objects.get(ids.next());
            ids.remove();
            if (object != null) {
                taken.add(object);
            }
        }
        return taken;
    }

    /** Whether {@link #clear} ran since the last call. */
    boolean takeCleared() {
        return cleared.getAndSet(false);
    }

    private void changed(String id) {
        if (tracking) {
            changed.add(id);
        }
    }

    /** Milliseconds until {@code delay} after the object's creation, 0 when that has passed. */
    static long millisUntil(Map<String, Object> object, Duration delay) {
        long due = (Long) object.get("created") * 1000 + delay.toMillis();
        return Math.max(0, due - System.currentTimeMillis());
    }

    /** An object as the state file kept it. */
    void restore(Map<String, Object> saved) {
        StoredObject object = StoredObject.restored(saved, this::changed);
        objects.put((String) object.get("id"), object);
    }
}
