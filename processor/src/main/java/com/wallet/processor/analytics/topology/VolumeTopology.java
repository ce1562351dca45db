package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.json.JsonMapper;

/**
 * wallet.transactions -> wallet.analytics.volume: per currency and transaction type, the count and
 * the sum (long minor units) of COMPLETED transactions, keyed "USD:TRANSFER".
 *
 * <p>The relay is at-least-once, so a COMPLETED event can arrive twice. Completed events are first
 * kept in a table by transaction id; the volume aggregates that table (adder and subtractor), so
 * a duplicate replaces itself instead of counting twice.
 */
public final class VolumeTopology {

    public static final String COMPLETED_STORE = "completed-transactions";
    public static final String VOLUME_STORE = "volume-by-currency-and-type";

    private VolumeTopology() {
    }

    public static KTable<String, VolumeStats> build(StreamsBuilder builder, JsonMapper json) {
        Serde<TransactionEvent> events = JsonSerde.of(TransactionEvent.class, json);
        Serde<VolumeStats> stats = JsonSerde.of(VolumeStats.class, json);
        KTable<String, VolumeStats> volume = builder
                .stream(Topics.WALLET_TRANSACTIONS, Consumed.with(Serdes.String(), events))
                .filter((walletId, event) -> event != null && event.status() == TransactionStatus.COMPLETED
                        && event.transactionId() != null && event.type() != null && event.currency() != null)
                .selectKey((walletId, event) -> event.transactionId().toString())
                .toTable(Named.as("completed-by-transaction"),
                        Materialized.<String, TransactionEvent, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(COMPLETED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(events))
                .groupBy((transactionId, event) -> KeyValue.pair(event.currency() + ":" + event.type().name(), event),
                        Grouped.with("volume-by-key", Serdes.String(), events))
                .aggregate(VolumeStats::empty,
                        (key, event, total) -> total.add(event),
                        (key, event, total) -> total.remove(event),
                        Materialized.<String, VolumeStats, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(VOLUME_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(stats));
        volume.toStream().to(Topics.ANALYTICS_VOLUME, Produced.with(Serdes.String(), stats));
        return volume;
    }
}
