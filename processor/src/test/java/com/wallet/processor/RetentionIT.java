package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.processor.retention.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention purge (README "Retention") against the real schema: what is past the horizon goes,
 * in batches; what is recent or unpublished stays; and a command redelivered within the horizon is
 * still applied at most once.
 */
class RetentionIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    RetentionPurge purge;

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private void age(String table, String column, String idColumn, Object id, String interval) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = now() - CAST(:age AS interval) WHERE " + idColumn + " = :id")
                .param("age", interval).param("id", id).update();
    }

    @Test
    void purgesWhatIsPastTheHorizonAndKeepsRecentAndUnpublishedRows() {
        WalletFixture wallets = fixture();
        UUID oldCommand = UUID.randomUUID();
        UUID recentCommand = UUID.randomUUID();
        jdbc.sql("INSERT INTO processed_commands (command_id, processed_at) VALUES "
                + "(:old, now() - interval '31 days'), (:recent, now() - interval '29 days')")
                .param("old", oldCommand).param("recent", recentCommand).update();
        String oldEvent = "evt_old_" + UUID.randomUUID();
        String recentEvent = "evt_recent_" + UUID.randomUUID();
        jdbc.sql("INSERT INTO processed_stripe_events (event_id, event_type, processed_at) VALUES "
                + "(:old, 'payment_intent.succeeded', now() - interval '31 days'), (:recent, 'charge.refunded', now())")
                .param("old", oldEvent).param("recent", recentEvent).update();

        // one wallet's outbox: 1..3 published 8 days ago, 4 never published, 5 published 8 days ago
        UUID wallet = wallets.aWalletWith(0);
        UUID other = wallets.aWalletWith(0);
        List<TransferFunds> transfers = List.of(wallets.pendingTransfer(wallet, other, 10),
                wallets.pendingTransfer(wallet, other, 20), wallets.pendingTransfer(wallet, other, 30),
                wallets.pendingTransfer(wallet, other, 40), wallets.pendingTransfer(wallet, other, 50));
        for (int i = 0; i < transfers.size(); i++) {
            UUID tx = transfers.get(i).transactionId();
            long amount = transfers.get(i).amount();
            // a real event: the relay sends the unpublished one to wallet.transactions, where other tests read
            TransactionEvent event = TransactionEvent.of(tx, wallet, other, TransactionType.TRANSFER,
                    TransactionStatus.COMPLETED, amount, "USD", null,
                    List.of(new WalletPosting(wallet, -amount), new WalletPosting(other, amount)), Instant.now());
            jdbc.sql("""
                    INSERT INTO wallet_event_sequences (wallet_id, last_sequence) VALUES (:w, :seq)
                    ON CONFLICT (wallet_id) DO UPDATE SET last_sequence = :seq""")
                    .param("w", wallet).param("seq", i + 1L).update();
            jdbc.sql("""
                    INSERT INTO outbox_events (event_id, transaction_id, wallet_id, wallet_sequence, payload, created_at,
                                               published_at)
                    VALUES (:e, :tx, :w, :seq, CAST(:payload AS jsonb), now() - interval '9 days',
                            CASE WHEN :seq = 4 THEN NULL ELSE now() - interval '8 days' END)""")
                    .param("e", event.eventId()).param("tx", tx).param("w", wallet).param("seq", i + 1L)
                    .param("payload", json.writeValueAsString(event))
                    .update();
            jdbc.sql("INSERT INTO command_outbox (command_id, wallet_id, envelope, created_at, published_at) "
                            + "VALUES (:tx, :w, '{}'::jsonb, now() - interval '9 days', "
                            + "CASE WHEN :i = 3 THEN NULL WHEN :i = 4 THEN now() ELSE now() - interval '8 days' END)")
                    .param("tx", tx).param("w", wallet).param("i", i).update();
        }

        purge.purge();

        assertThat(count("SELECT count(*) FROM processed_commands WHERE command_id = :id", oldCommand)).isZero();
        assertThat(count("SELECT count(*) FROM processed_commands WHERE command_id = :id", recentCommand)).isOne();
        assertThat(count("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id", oldEvent)).isZero();
        assertThat(count("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id", recentEvent)).isOne();
        // the outbox keeps a suffix of walletSequence from the first unpublished event on
        assertThat(jdbc.sql("SELECT wallet_sequence FROM outbox_events WHERE wallet_id = :id ORDER BY 1")
                .param("id", wallet).query(Long.class).list()).containsExactly(4L, 5L);
        assertThat(jdbc.sql("SELECT through_sequence FROM outbox_purged WHERE wallet_id = :id").param("id", wallet)
                .query(Long.class).single()).isEqualTo(3);
        // what the checker folds: the purged events' postings, per wallet they posted to
        assertThat(jdbc.sql("SELECT postings FROM outbox_purged WHERE wallet_id = :id").param("id", wallet)
                .query(Long.class).single()).isEqualTo(-60);
        assertThat(jdbc.sql("SELECT postings FROM outbox_purged WHERE wallet_id = :id").param("id", other)
                .query(Long.class).single()).isEqualTo(60);
        // command_outbox: published 8 days ago goes; unpublished and recently published stay
        assertThat(jdbc.sql("SELECT command_id FROM command_outbox WHERE wallet_id = :id").param("id", wallet)
                .query(UUID.class).list()).containsExactlyInAnyOrder(transfers.get(3).transactionId(),
                transfers.get(4).transactionId());

        purge.purge(); // a second round: nothing more is eligible
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE wallet_id = :id").param("id", wallet)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCommandRedeliveredWithinTheHorizonIsStillAppliedOnce() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(1_000);
        UUID to = wallets.aWalletWith(0);
        TransferFunds transfer = wallets.pendingTransfer(from, to, 300);
        send(transfer);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));
        age("processed_commands", "processed_at", "command_id", transfer.transactionId(), "29 days");

        purge.purge();
        assertThat(count("SELECT count(*) FROM processed_commands WHERE command_id = :id", transfer.transactionId()))
                .isOne();
        send(transfer); // Kafka redelivers it (within its retention, shorter than the horizon)

        TransferFunds marker = wallets.pendingTransfer(from, to, 1);
        send(marker);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(marker.transactionId())));
        assertThat(wallets.balance(from)).isEqualTo(699).isEqualTo(wallets.postingsOf(from));
        assertThat(wallets.balance(to)).isEqualTo(301).isEqualTo(wallets.postingsOf(to));
        assertThat(wallets.ledgerEntries(transfer.transactionId())).isEqualTo(2);
    }
}
