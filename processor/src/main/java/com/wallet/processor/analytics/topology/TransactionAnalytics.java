package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The per-partition step of the analytics, where the events arrive: every event of a transaction is
 * keyed by its wallet, so one partition holds a transaction's whole history and its state needs no
 * repartition (the DSL's {@code groupBy(transactionId)} cost a topic write and read per event).
 *
 * <p>A state change takes the transaction's old contribution out of each aggregate and puts the new
 * one in. A wallet's day is that wallet's, so it is kept here and its new total forwarded at once.
 * The global aggregates (a few keys that every transaction touches) are summed per key in a
 * changelogged store and forwarded once a second: one record per key and second goes through the
 * repartition, not one per event.
 */
final class TransactionAnalytics implements Processor<String, TransactionEvent, String, AnalyticsUpdate> {

    /**
     * The states and the wallets' days keep the names and the timestamped format the earlier KTable
     * topology's stores had, so an upgrade opens the same local stores and restores the same changelogs.
     */
    static final String STATES_STORE = "transaction-states";
    static final String WALLET_DAYS_STORE = "wallet-activity-day";
    static final String PENDING_VOLUME_STORE = "volume-contributions";
    static final String PENDING_ACTIVITY_STORE = "activity-contributions";
    static final Duration FORWARD_INTERVAL = Duration.ofSeconds(1);

    private ProcessorContext<String, AnalyticsUpdate> context;
    private TimestampedKeyValueStore<String, TransactionState> states;
    private TimestampedKeyValueStore<String, ActivityStats> walletDays;
    private KeyValueStore<String, VolumeStats> pendingVolume;
    private KeyValueStore<String, ActivityStats> pendingActivity;

    @Override
    public void init(ProcessorContext<String, AnalyticsUpdate> context) {
        this.context = context;
        states = context.getStateStore(STATES_STORE);
        walletDays = context.getStateStore(WALLET_DAYS_STORE);
        pendingVolume = context.getStateStore(PENDING_VOLUME_STORE);
        pendingActivity = context.getStateStore(PENDING_ACTIVITY_STORE);
        context.schedule(FORWARD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forwardContributions);
    }

    @Override
    public void process(Record<String, TransactionEvent> record) {
        String id = record.value().transactionId().toString();
        TransactionState before = valueOf(states.get(id), TransactionState.none());
        TransactionState after = before.apply(TransactionState.reportedBy(record.value()));
        if (after.equals(before)) {
            return; // a redelivered or older report
        }
        states.put(id, ValueAndTimestamp.make(after, record.timestamp()));
        if (before.known() && before.countsAs(after)) {
            return; // a later event that changes no aggregate (a refund's movement)
        }
        if (before.known()) {
            contribute(before, -1, record.timestamp());
        }
        contribute(after, 1, record.timestamp());
    }

    private void contribute(TransactionState state, int sign, long timestamp) {
        String walletKey = ActivityStats.key(Window.DAY, state, true);
        ActivityStats day = ActivityStats.contribution(Window.DAY, state, true, sign);
        ActivityStats earlier = valueOf(walletDays.get(walletKey), null);
        ActivityStats total = earlier == null ? day : earlier.plus(day);
        walletDays.put(walletKey, ValueAndTimestamp.make(total, timestamp));
        context.forward(new Record<>(walletKey, new AnalyticsUpdate.WalletActivity(total), timestamp));

        if (state.status() == TransactionStatus.COMPLETED) {
            String key = VolumeStats.key(state);
            VolumeStats delta = VolumeStats.contribution(state, sign);
            VolumeStats pending = pendingVolume.get(key);
            pendingVolume.put(key, pending == null ? delta : pending.plus(delta));
        }
        for (Window window : Window.values()) {
            String key = ActivityStats.key(window, state, false);
            ActivityStats delta = ActivityStats.contribution(window, state, false, sign);
            ActivityStats pending = pendingActivity.get(key);
            pendingActivity.put(key, pending == null ? delta : pending.plus(delta));
        }
    }

    /** Forwards the summed contributions and forgets them; sums that cancelled out forward nothing. */
    private void forwardContributions(long now) {
        for (KeyValue<String, VolumeStats> sum : drain(pendingVolume)) {
            if (!sum.value.isZero()) {
                context.forward(new Record<>(sum.key, new AnalyticsUpdate.VolumeDelta(sum.value), now));
            }
        }
        for (KeyValue<String, ActivityStats> sum : drain(pendingActivity)) {
            if (!sum.value.isZero()) {
                context.forward(new Record<>(sum.key, new AnalyticsUpdate.ActivityDelta(sum.value), now));
            }
        }
    }

    private static <V> V valueOf(ValueAndTimestamp<V> stored, V absent) {
        return stored == null || stored.value() == null ? absent : stored.value();
    }

    private static <V> List<KeyValue<String, V>> drain(KeyValueStore<String, V> store) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        entries.forEach(entry -> store.delete(entry.key));
        return entries;
    }
}
