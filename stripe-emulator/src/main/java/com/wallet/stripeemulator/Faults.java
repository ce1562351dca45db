package com.wallet.stripeemulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The queue of pending {@link Fault}s; the first matching one is taken per request. */
@Component
class Faults {

    private final List<Fault> queue = new ArrayList<>();

    synchronized void add(Fault fault) {
        queue.add(fault);
    }

    synchronized Optional<Fault> take(String method, String path) {
        for (int i = 0; i < queue.size(); i++) {
            Fault fault = queue.get(i);
            if (fault.matches(method, path)) {
                if (fault.count() > 1) {
                    queue.set(i, fault.used());
                } else {
                    queue.remove(i);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    synchronized List<Fault> pending() {
        return List.copyOf(queue);
    }

    synchronized void clear() {
        queue.clear();
    }
}
