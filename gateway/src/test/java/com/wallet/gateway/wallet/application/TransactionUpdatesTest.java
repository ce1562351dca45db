package com.wallet.gateway.wallet.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class TransactionUpdatesTest {

    private final FieldCipher cipher = new FieldCipher(EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef"));
    private final SubmitTransactionServiceTest.InMemoryWallets wallets = new SubmitTransactionServiceTest.InMemoryWallets();
    private final SubmitTransactionServiceTest.InMemoryTransactions transactions =
            new SubmitTransactionServiceTest.InMemoryTransactions();
    private final Sinks.Many<UUID> published = Sinks.many().multicast().directBestEffort();
    private final TransactionUpdates updates = new TransactionUpdates(
            new TransactionQueries(transactions, wallets, cipher), () -> published.asFlux());
    private final Caller alice = new Caller("alice", false);
    private final UUID wallet = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    @Test
    void currentStateAtOnceThenEachChangeThenCompletionAfterTheFinalStatus() {
        wallets.put(new Wallet(wallet, "alice", 0, "USD", true, null, null, Instant.now()));
        store(TransactionStatus.PENDING, Instant.parse("2026-12-03T09:00:00Z"));
        List<TransactionStatus> seen = new CopyOnWriteArrayList<>();
        Disposable subscription = updates.updates(alice, id.toString()).subscribe(tx -> seen.add(tx.status()));
        assertThat(seen).containsExactly(TransactionStatus.PENDING);

        store(TransactionStatus.PROCESSING, Instant.parse("2026-12-03T09:00:01Z"));
        published.tryEmitNext(UUID.randomUUID()); // another transaction's change: nothing to say
        published.tryEmitNext(id);
        awaitSeen(seen, 2);
        published.tryEmitNext(id);                // a redelivered event: the state did not change
        store(TransactionStatus.COMPLETED, Instant.parse("2026-12-03T09:00:02Z"));
        published.tryEmitNext(id);
        awaitSeen(seen, 3);

        assertThat(seen).containsExactly(TransactionStatus.PENDING, TransactionStatus.PROCESSING, TransactionStatus.COMPLETED);
        awaitDisposed(subscription);
    }

    @Test
    void aFinalTransactionAnswersOnceAndCompletes() {
        wallets.put(new Wallet(wallet, "alice", 0, "USD", true, null, null, Instant.now()));
        store(TransactionStatus.FAILED, Instant.now());

        List<Transaction> all = updates.updates(alice, id.toString()).collectList().block(Duration.ofSeconds(5));

        assertThat(all).extracting(Transaction::status).containsExactly(TransactionStatus.FAILED);
    }

    @Test
    void anotherUsersTransactionIsNotFound() {
        wallets.put(new Wallet(wallet, "alice", 0, "USD", true, null, null, Instant.now()));
        store(TransactionStatus.PENDING, Instant.now());

        Flux<Transaction> stranger = updates.updates(new Caller("mallory", false), id.toString());

        assertThatThrownBy(() -> stranger.blockFirst(Duration.ofSeconds(5))).isInstanceOf(RequestRejected.class);
    }

    private void store(TransactionStatus status, Instant updatedAt) {
        transactions.rows.put(id, new StoredTransaction(id, wallet, null, "alice", TransactionType.DEPOSIT, status, 500,
                "USD", status == TransactionStatus.FAILED ? "CARD_DECLINED" : null, null, null, "fp", null, null,
                Instant.parse("2026-12-03T09:00:00Z"), updatedAt));
    }

    private static void awaitSeen(List<?> seen, int size) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= size);
    }

    private static void awaitDisposed(Disposable subscription) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(subscription::isDisposed);
    }
}
