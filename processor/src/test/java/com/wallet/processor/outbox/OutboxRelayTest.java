package com.wallet.processor.outbox;

import com.wallet.processor.leadership.Leadership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.wallet.common.messaging.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final JdbcOutboxEvents outbox = mock(JdbcOutboxEvents.class);
    private final Leadership leadership = mock(Leadership.class);
    private final OutboxRelay relay = new OutboxRelay(outbox, kafka, leadership, 10, Duration.ofSeconds(1),
            Duration.ofMillis(100), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private static CompletableFuture<SendResult<String, String>> acked() {
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void publishesInSequenceOrderKeyedByWalletThenMarksThem() {
        when(outbox.unpublished(anyInt())).thenReturn(List.of(
                new OutboxEvent(1, "w1", "{\"sequence\":1}"),
                new OutboxEvent(2, "w2", "{\"sequence\":2}"),
                new OutboxEvent(3, "w1", "{\"sequence\":3}")));
        when(kafka.send(eq(Topics.WALLET_TRANSACTIONS), anyString(), anyString())).thenReturn(acked());

        assertThat(relay.relayOnce()).isEqualTo(3);

        InOrder order = inOrder(kafka, outbox);
        order.verify(kafka).send(Topics.WALLET_TRANSACTIONS, "w1", "{\"sequence\":1}");
        order.verify(kafka).send(Topics.WALLET_TRANSACTIONS, "w2", "{\"sequence\":2}");
        order.verify(kafka).send(Topics.WALLET_TRANSACTIONS, "w1", "{\"sequence\":3}");
        order.verify(outbox).markPublished(List.of(1L, 2L, 3L));
    }

    @Test
    void marksOnlyWhatWasAcknowledgedBeforeTheFirstFailure() {
        when(outbox.unpublished(anyInt())).thenReturn(List.of(
                new OutboxEvent(7, "w1", "a"), new OutboxEvent(8, "w1", "b"), new OutboxEvent(9, "w1", "c")));
        when(kafka.send(Topics.WALLET_TRANSACTIONS, "w1", "a")).thenReturn(acked());
        when(kafka.send(Topics.WALLET_TRANSACTIONS, "w1", "b"))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        when(kafka.send(Topics.WALLET_TRANSACTIONS, "w1", "c")).thenReturn(acked());

        assertThat(relay.relayOnce()).isEqualTo(1);

        verify(outbox).markPublished(List.of(7L)); // 8 and 9 go again next round, in order
    }

    @Test
    void doesNothingWithoutTheRelayLock() {
        when(leadership.isLeader()).thenReturn(false);

        relay.relay();

        verify(outbox, never()).unpublished(anyInt());
    }
}
