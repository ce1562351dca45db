package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * wallet.transactions -> the wallet.analytics.* aggregates.
 *
 * <p>Every aggregate is built on one table: the current state of each transaction, keyed by its id.
 * The relay is at-least-once and a transaction changes status over time, so the aggregates are KTable
 * aggregations with an adder and a subtractor: a redelivered event replaces itself, and a transaction
 * that moves from COMPLETED to REVERSED leaves the COMPLETED counts as it enters the REVERSED ones.
 * <ul>
 *   <li>{@value Topics#ANALYTICS_VOLUME}: COMPLETED transactions per currency and type, all time, keyed {@code USD:TRANSFER};</li>
 *   <li>{@value Topics#ANALYTICS_ACTIVITY_MINUTE} and {@value Topics#ANALYTICS_ACTIVITY_DAY}: every transaction
 *       per type and status in the minute / day it was created;</li>
 *   <li>{@value Topics#ANALYTICS_WALLET_ACTIVITY_DAY}: the same per source wallet and day.</li>
 * </ul>
 */
final class AnalyticsTopology {

    public static final String STATES_STORE = "transaction-states";
    public static final String VOLUME_STORE = "volume-by-currency-and-type";

    private AnalyticsTopology() {
    }

    /** Adds the topology to the builder; returns the table of transaction states the aggregates read. */
    public static KTable<String, TransactionState> build(StreamsBuilder builder, JsonMapper json) {
        Serde<TransactionEvent> events = JsonSerde.of(TransactionEvent.class, json);
        Serde<TransactionState> states = StoreSerdes.states(json);
        // Each event becomes the state it reports before the repartition, so the repartition topic
        // and the stores carry the compact binary form (StoreSerdes), not the event's JSON.
        KTable<String, TransactionState> byTransaction = builder
                .stream(Topics.WALLET_TRANSACTIONS, Consumed.with(Serdes.String(), events))
                .filter((walletId, event) -> event != null && event.transactionId() != null && event.type() != null
                        && event.status() != null && event.currency() != null && event.occurredAt() != null)
                .mapValues(TransactionState::reportedBy)
                .groupBy((walletId, reported) -> reported.transactionId().toString(),
                        Grouped.with("reports-by-transaction", Serdes.String(), states))
                .aggregate(TransactionState::none, (id, reported, state) -> state.apply(reported),
                        Materialized.<String, TransactionState, KeyValueStore<Bytes, byte[]>>as(STATES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(states));

        byTransaction
                .filter((id, state) -> state.status() == TransactionStatus.COMPLETED)
                .groupBy((id, state) -> KeyValue.pair(state.currency() + ":" + state.type().name(), state),
                        Grouped.with("completed-by-currency-and-type", Serdes.String(), states))
                .aggregate(VolumeStats::empty, (key, state, total) -> total.add(state),
                        (key, state, total) -> total.remove(state),
                        Materialized.<String, VolumeStats, KeyValueStore<Bytes, byte[]>>as(VOLUME_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(StoreSerdes.volume(json)))
                .toStream().to(Topics.ANALYTICS_VOLUME, Produced.with(Serdes.String(), JsonSerde.of(VolumeStats.class, json)));

        Serde<ActivityStats> stored = StoreSerdes.activity(json);
        Serde<ActivityStats> published = JsonSerde.of(ActivityStats.class, json);
        activity(byTransaction, Window.MINUTE, false, Topics.ANALYTICS_ACTIVITY_MINUTE, states, stored, published);
        activity(byTransaction, Window.DAY, false, Topics.ANALYTICS_ACTIVITY_DAY, states, stored, published);
        activity(byTransaction, Window.DAY, true, Topics.ANALYTICS_WALLET_ACTIVITY_DAY, states, stored, published);
        return byTransaction;
    }

    private static void activity(KTable<String, TransactionState> byTransaction, Window window, boolean perWallet,
                                 String topic, Serde<TransactionState> states, Serde<ActivityStats> stored,
                                 Serde<ActivityStats> published) {
        String name = topic.substring(Topics.ANALYTICS_PREFIX.length()).replace('.', '-');
        byTransaction
                .groupBy((id, state) -> KeyValue.pair(ActivityStats.key(window, state, perWallet), state),
                        Grouped.with(name + "-by-window", Serdes.String(), states))
                .aggregate(ActivityStats::empty, (key, state, total) -> total.add(window, state, perWallet),
                        (key, state, total) -> total.remove(state),
                        Materialized.<String, ActivityStats, KeyValueStore<Bytes, byte[]>>as(name)
                                .withKeySerde(Serdes.String()).withValueSerde(stored))
                .toStream().to(topic, Produced.with(Serdes.String(), published));
    }
}
