package com.wallet.processor.analytics.topology;

/** Completed volume of one currency and transaction type: how many, and their sum in minor units. */
public record VolumeStats(String currency, String type, long count, long amount) {

    public static VolumeStats empty() {
        return new VolumeStats(null, null, 0, 0);
    }

    /** The record key on {@code wallet.analytics.volume}, e.g. {@code USD:TRANSFER}. */
    static String key(TransactionState state) {
        return state.currency() + ":" + state.type().name();
    }

    /** What one COMPLETED transaction adds to its currency and type ({@code sign} 1), or takes away (-1). */
    static VolumeStats contribution(TransactionState state, int sign) {
        return new VolumeStats(state.currency(), state.type().name(), sign, Math.multiplyExact(sign, state.amount()));
    }

    /** This total with a contribution (or a sum of them) added. */
    VolumeStats plus(VolumeStats delta) {
        return new VolumeStats(delta.currency(), delta.type(), Math.addExact(count, delta.count()),
                Math.addExact(amount, delta.amount()));
    }

    boolean isZero() {
        return count == 0 && amount == 0;
    }
}
