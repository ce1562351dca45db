package com.wallet.processor.analytics.topology;

import java.time.Instant;
import java.util.UUID;

/**
 * How many transactions of one type are in one status, and their amounts' sum in minor units, among
 * the transactions created in one window: globally ({@code walletId} null) or for one source wallet.
 */
public record ActivityStats(Window window, Instant windowStart, UUID walletId, String currency, String type,
                            String status, long count, long amount) {

    static ActivityStats empty() {
        return new ActivityStats(null, null, null, null, null, null, 0, 0);
    }

    /** The record key on the analytics topics, e.g. {@code DAY|2026-12-03T00:00:00Z|USD|TRANSFER|COMPLETED}. */
    static String key(Window window, TransactionState state, boolean perWallet) {
        String key = window + "|" + window.start(state.createdAt()) + "|" + state.currency() + "|" + state.type()
                + "|" + state.status();
        return perWallet ? state.walletId() + "|" + key : key;
    }

    /** What one transaction in {@code state} adds to its window's aggregate ({@code sign} 1), or takes away (-1). */
    static ActivityStats contribution(Window window, TransactionState state, boolean perWallet, int sign) {
        return new ActivityStats(window, window.start(state.createdAt()), perWallet ? state.walletId() : null,
                state.currency(), state.type().name(), state.status().name(), sign, Math.multiplyExact(sign, state.amount()));
    }

    /** This aggregate with a contribution (or a sum of them) added. */
    ActivityStats plus(ActivityStats delta) {
        return new ActivityStats(delta.window(), delta.windowStart(), delta.walletId(), delta.currency(), delta.type(),
                delta.status(), Math.addExact(count, delta.count()), Math.addExact(amount, delta.amount()));
    }

    boolean isZero() {
        return count == 0 && amount == 0;
    }
}
