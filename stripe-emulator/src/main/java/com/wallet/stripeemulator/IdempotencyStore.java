package com.wallet.stripeemulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * First answers by (account, method, path, Idempotency-Key). A key is claimed while its request
 * runs; only answers Stripe would keep (2xx, 402) are saved, anything else frees the key again.
 */
@Component
class IdempotencyStore {

    /** A claimed key: {@code response} is null while the first request is in flight. */
    record Entry(String fingerprint, Saved response) {
    }

    record Saved(int status, byte[] body) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Claims the key, or returns the entry that already holds it. */
    Entry claim(String key, String fingerprint) {
        return entries.putIfAbsent(key, new Entry(fingerprint, null));
    }

    void complete(String key, String fingerprint, int status, byte[] body) {
        if ((status >= 200 && status < 300) || status == 402) {
            entries.put(key, new Entry(fingerprint, new Saved(status, body)));
        } else {
            entries.remove(key);
        }
    }

    void release(String key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
