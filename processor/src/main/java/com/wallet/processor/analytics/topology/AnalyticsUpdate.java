package com.wallet.processor.analytics.topology;

/** What {@link TransactionAnalytics} forwards: a wallet's new day total, or a sum of global contributions. */
sealed interface AnalyticsUpdate {

    /** The new total of one wallet's day (keyed like {@code wallet.analytics.wallet-activity.day}). */
    record WalletActivity(ActivityStats total) implements AnalyticsUpdate {
    }

    /** Contributions to one currency and type's completed volume since the last punctuation. */
    record VolumeDelta(VolumeStats delta) implements AnalyticsUpdate {
    }

    /** Contributions to one global minute or day aggregate since the last punctuation. */
    record ActivityDelta(ActivityStats delta) implements AnalyticsUpdate {
    }
}
