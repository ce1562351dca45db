package com.wallet.processor.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoreSerdesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-12-03T09:00:10.123456789Z");

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(bytes[0]).isEqualTo(StoreSerdes.FORMAT);
        return serde.deserializer().deserialize("t", bytes);
    }

    @Test
    void statesAggregatesAndTheEmptyOnesSurviveTheBinaryForm() {
        TransactionState state = new TransactionState(UUID.randomUUID(), UUID.randomUUID(), TransactionType.TRANSFER,
                TransactionStatus.REVERSED, "USD", 12_345, AT, 7);
        ActivityStats perWallet = new ActivityStats(Window.MINUTE, Window.MINUTE.start(AT), UUID.randomUUID(), "EUR",
                "DEPOSIT", "COMPLETED", 3, Long.MAX_VALUE);

        assertThat(roundTrip(StoreSerdes.states(JSON), state)).isEqualTo(state);
        assertThat(roundTrip(StoreSerdes.states(JSON), TransactionState.none())).isEqualTo(TransactionState.none());
        assertThat(roundTrip(StoreSerdes.activity(JSON), perWallet)).isEqualTo(perWallet);
        assertThat(roundTrip(StoreSerdes.activity(JSON), ActivityStats.empty())).isEqualTo(ActivityStats.empty());
        VolumeStats volume = new VolumeStats("USD", "TRANSFER", 2, 300);
        assertThat(roundTrip(StoreSerdes.volume(JSON), volume)).isEqualTo(volume);
    }

    /** Stores and changelogs written by the JSON version before this one are still read after an upgrade. */
    @Test
    void readsTheJsonAnEarlierVersionWrote() {
        TransactionState state = new TransactionState(UUID.randomUUID(), UUID.randomUUID(), TransactionType.DEPOSIT,
                TransactionStatus.COMPLETED, "USD", 500, AT, 2);
        ActivityStats activity = new ActivityStats(Window.DAY, Window.DAY.start(AT), null, "USD", "DEPOSIT",
                "COMPLETED", 1, 500);

        assertThat(StoreSerdes.states(JSON).deserializer().deserialize("t", JSON.writeValueAsBytes(state)))
                .isEqualTo(state);
        assertThat(StoreSerdes.activity(JSON).deserializer().deserialize("t", JSON.writeValueAsBytes(activity)))
                .isEqualTo(activity);
    }

    @Test
    void aTruncatedValueIsSkippedNotThrown() {
        byte[] bytes = StoreSerdes.volume(JSON).serializer().serialize("t", new VolumeStats("USD", "TRANSFER", 2, 300));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThat(StoreSerdes.volume(JSON).deserializer().deserialize("t", truncated)).isNull();
    }
}
