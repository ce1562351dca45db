package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * wallet.transactions -> the wallet.analytics.* aggregates.
 *
 * <p>Every aggregate is built on the current state of each transaction, kept where its events arrive
 * ({@link TransactionAnalytics}). The relay is at-least-once and a transaction changes status over
 * time, so a state change moves the transaction's contribution: a redelivered event changes no state
 * and counts nothing, and a transaction that moves from COMPLETED to REVERSED leaves the COMPLETED
 * counts as it enters the REVERSED ones. Like any at-least-once Streams application, a crash between
 * two commits may count the contributions of the records after the last commit twice.
 * <ul>
 *   <li>{@value Topics#ANALYTICS_VOLUME}: COMPLETED transactions per currency and type, all time, keyed {@code USD:TRANSFER};</li>
 *   <li>{@value Topics#ANALYTICS_ACTIVITY_MINUTE} and {@value Topics#ANALYTICS_ACTIVITY_DAY}: every transaction
 *       per type and status in the minute / day it was created;</li>
 *   <li>{@value Topics#ANALYTICS_WALLET_ACTIVITY_DAY}: the same per source wallet and day.</li>
 * </ul>
 */
final class AnalyticsTopology {

    public static final String STATES_STORE = TransactionAnalytics.STATES_STORE;
    public static final String VOLUME_STORE = "volume-by-currency-and-type";

    private AnalyticsTopology() {
    }

    /**
     * Adds the topology to the builder and returns the events it reads: the per-partition step ({@link TransactionAnalytics}), the
     * wallets' day totals straight to their topic, the global contributions through one repartition
     * each into their aggregates.
     */
    public static KStream<String, TransactionEvent> build(StreamsBuilder builder, JsonMapper json) {
        Serde<TransactionState> states = StoreSerdes.states(json);
        Serde<VolumeStats> volume = StoreSerdes.volume(json);
        Serde<ActivityStats> activity = StoreSerdes.activity(json);
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(TransactionAnalytics.STATES_STORE), Serdes.String(), states)
                .withCachingEnabled());
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(TransactionAnalytics.WALLET_DAYS_STORE), Serdes.String(), activity)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(TransactionAnalytics.PENDING_VOLUME_STORE), Serdes.String(), volume)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(TransactionAnalytics.PENDING_ACTIVITY_STORE), Serdes.String(), activity)
                .withCachingEnabled());

        KStream<String, TransactionEvent> events = builder
                .stream(Topics.WALLET_TRANSACTIONS, Consumed.with(Serdes.String(), JsonSerde.of(TransactionEvent.class, json)))
                .filter((walletId, event) -> event != null && event.transactionId() != null && event.type() != null
                        && event.status() != null && event.currency() != null && event.occurredAt() != null);
        KStream<String, AnalyticsUpdate> updates = events.process(TransactionAnalytics::new, TransactionAnalytics.STATES_STORE, TransactionAnalytics.WALLET_DAYS_STORE,
                        TransactionAnalytics.PENDING_VOLUME_STORE, TransactionAnalytics.PENDING_ACTIVITY_STORE);

        Serde<ActivityStats> published = JsonSerde.of(ActivityStats.class, json);
        updates.flatMapValues(u -> u instanceof AnalyticsUpdate.WalletActivity w ? List.of(w.total()) : List.<ActivityStats>of())
                .to(Topics.ANALYTICS_WALLET_ACTIVITY_DAY, Produced.with(Serdes.String(), published));

        updates.flatMapValues(u -> u instanceof AnalyticsUpdate.VolumeDelta v ? List.of(v.delta()) : List.<VolumeStats>of())
                .groupByKey(Grouped.with("volume-contributions", Serdes.String(), volume))
                .aggregate(VolumeStats::empty, (key, delta, total) -> total.plus(delta),
                        Materialized.<String, VolumeStats, KeyValueStore<Bytes, byte[]>>as(VOLUME_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(volume))
                .toStream().to(Topics.ANALYTICS_VOLUME, Produced.with(Serdes.String(), JsonSerde.of(VolumeStats.class, json)));

        activity(updates, Window.MINUTE, Topics.ANALYTICS_ACTIVITY_MINUTE, activity, published);
        activity(updates, Window.DAY, Topics.ANALYTICS_ACTIVITY_DAY, activity, published);
        return events;
    }

    /** A global activity aggregate; its store keeps the name (and changelog) the earlier KTable topology gave it. */
    private static void activity(KStream<String, AnalyticsUpdate> updates, Window window, String topic,
                                 Serde<ActivityStats> stored, Serde<ActivityStats> published) {
        String store = storeName(topic);
        updates.flatMapValues(u -> u instanceof AnalyticsUpdate.ActivityDelta a && a.delta().window() == window
                        ? List.of(a.delta()) : List.<ActivityStats>of())
                .groupByKey(Grouped.with(store + "-contributions", Serdes.String(), stored))
                .aggregate(ActivityStats::empty, (key, delta, total) -> total.plus(delta),
                        Materialized.<String, ActivityStats, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(stored))
                .toStream().to(topic, Produced.with(Serdes.String(), published));
    }

    /** {@code wallet.analytics.activity.minute} -> {@code activity-minute}. */
    static String storeName(String topic) {
        return topic.substring(Topics.ANALYTICS_PREFIX.length()).replace('.', '-');
    }
}
