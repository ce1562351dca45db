package com.wallet.stripeemulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every object the emulator created, as the JSON maps it answers with. Services change an object
 * only while holding its monitor, so a webhook snapshot never sees a half-made change.
 */
@Component
class ObjectStore {

    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();

    Map<String, Object> create(String type, String prefix) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", Ids.next(prefix));
        object.put("object", type);
        object.put("created", Instant.now().getEpochSecond());
        object.put("livemode", false);
        objects.put((String) object.get("id"), object);
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
    }
}
