package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;

/** Completed volume of one currency and transaction type: how many, and their sum in minor units. */
public record VolumeStats(String currency, String type, long count, long amount) {

    public static VolumeStats empty() {
        return new VolumeStats(null, null, 0, 0);
    }

    VolumeStats add(TransactionEvent event) {
        return new VolumeStats(event.currency(), event.type().name(), count + 1, Math.addExact(amount, event.amount()));
    }

    VolumeStats remove(TransactionEvent event) {
        return new VolumeStats(event.currency(), event.type().name(), count - 1, Math.subtractExact(amount, event.amount()));
    }
}
