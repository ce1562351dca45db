package com.wallet.processor.analytics.topology;

/** Completed volume of one currency and transaction type: how many, and their sum in minor units. */
public record VolumeStats(String currency, String type, long count, long amount) {

    public static VolumeStats empty() {
        return new VolumeStats(null, null, 0, 0);
    }

    VolumeStats add(TransactionState state) {
        return new VolumeStats(state.currency(), state.type().name(), count + 1, Math.addExact(amount, state.amount()));
    }

    VolumeStats remove(TransactionState state) {
        return new VolumeStats(state.currency(), state.type().name(), count - 1,
                Math.subtractExact(amount, state.amount()));
    }
}
