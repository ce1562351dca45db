package com.wallet.stripeemulator;

import java.util.List;

/**
 * A change to how the next {@code count} events are delivered.
 *
 * @param kind    {@code delay} (deliver {@code delayMs} later), {@code duplicate} (deliver twice),
 *                {@code reorder} (hold {@code count} events, then deliver them newest first)
 * @param count   how many events it applies to
 * @param delayMs for {@code delay}
 */
record WebhookFault(String kind, Integer count, Long delayMs) {

    WebhookFault {
        if (!List.of("delay", "duplicate", "reorder").contains(kind)) {
            throw new IllegalArgumentException("kind must be delay, duplicate or reorder");
        }
        count = count == null ? 1 : Math.max(count, 1);
        delayMs = delayMs == null ? 0 : delayMs;
    }
}
