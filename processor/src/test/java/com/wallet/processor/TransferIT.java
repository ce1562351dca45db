package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

class TransferIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void spendsAHotWalletExactlyOnceUnderFiftyConcurrentTransfers() {
        WalletFixture wallets = fixture();
        UUID hot = wallets.aWalletWith(1_000);
        List<UUID> others = IntStream.range(0, 5).mapToObj(i -> wallets.aWalletWith(0)).toList();
        List<TransferFunds> transfers = IntStream.range(0, 50)
                .mapToObj(i -> wallets.pendingTransfer(hot, others.get(i % others.size()), 100)).toList();
        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();

        transfers.parallelStream().forEach(this::send);

        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "PENDING") == 0);
        assertThat(wallets.countByStatus(ids, "COMPLETED")).isEqualTo(10);
        assertThat(wallets.countByReason(ids, "INSUFFICIENT_FUNDS")).isEqualTo(40);
        assertThat(wallets.balance(hot)).isZero();
        assertThat(wallets.unbalancedTransactions(ids)).isZero();
        for (UUID wallet : concat(hot, others)) {
            assertThat(wallets.balance(wallet)).isEqualTo(wallets.postingsOf(wallet));
        }
        assertThat(others.stream().mapToLong(wallets::balance).sum()).isEqualTo(1_000);

        // every state change is on wallet.transactions once, keyed by wallet, in sequence order
        await().atMost(PATIENCE).until(() -> wallets.unpublishedOutboxEvents(ids) == 0);
        List<ConsumerRecord<String, TransactionEvent>> events = eventsOf(new HashSet<>(ids));
        assertThat(events).hasSize(50);
        assertThat(events).allMatch(r -> r.key().equals(hot.toString()));
        List<Long> sequences = events.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(r -> r.value().sequence()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(events.stream().filter(r -> r.value().status() == TransactionStatus.COMPLETED)).hasSize(10);
        // walletSequence: 1..50 in topic order, so a consumer can tell a gap from a duplicate (contract 6.6)
        assertThat(events.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(r -> r.value().walletSequence()).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        // each event carries what it posted: folding them gives the balances
        for (ConsumerRecord<String, TransactionEvent> r : events) {
            TransactionEvent e = r.value();
            if (e.status() == TransactionStatus.COMPLETED) {
                assertThat(e.postings()).containsExactlyInAnyOrder(new WalletPosting(hot, -100),
                        new WalletPosting(e.counterpartyWalletId(), 100));
            } else {
                assertThat(e.postings()).isEmpty();
            }
        }
    }

    @Test
    void finishesTransfersInBothDirectionsWithoutDeadlock() {
        WalletFixture wallets = fixture();
        UUID a = wallets.aWalletWith(10_000);
        UUID b = wallets.aWalletWith(10_000);
        List<TransferFunds> transfers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            transfers.add(wallets.pendingTransfer(a, b, 10 + i));
            transfers.add(wallets.pendingTransfer(b, a, 10 + i));
        }
        Collections.shuffle(transfers);
        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();

        transfers.parallelStream().forEach(this::send);

        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "COMPLETED") == 100);
        assertThat(wallets.balance(a) + wallets.balance(b)).isEqualTo(20_000);
        assertThat(wallets.balance(a)).isEqualTo(10_000).isEqualTo(wallets.postingsOf(a));
        assertThat(wallets.balance(b)).isEqualTo(10_000).isEqualTo(wallets.postingsOf(b));
        assertThat(wallets.unbalancedTransactions(ids)).isZero();
    }

    @Test
    void movesMoneyOnceWhenTheSameCommandIsDeliveredTwice() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(500);
        UUID to = wallets.aWalletWith(0);
        TransferFunds transfer = wallets.pendingTransfer(from, to, 200);

        send(transfer);
        send(transfer);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));
        send(transfer); // and once more after it completed
        TransferFunds marker = wallets.pendingTransfer(from, to, 1); // same partition, behind the duplicate
        send(marker);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(marker.transactionId())));

        assertThat(wallets.balance(from)).isEqualTo(299);
        assertThat(wallets.balance(to)).isEqualTo(201);
        assertThat(wallets.ledgerEntries(transfer.transactionId())).isEqualTo(2);
        assertThat(wallets.outboxEvents(transfer.transactionId())).isEqualTo(1);
    }

    @Test
    void failsTransferToAFrozenWallet() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(500);
        UUID frozen = wallets.aWallet(0, false, null);
        TransferFunds transfer = wallets.pendingTransfer(from, frozen, 100);

        send(transfer);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(transfer.transactionId())));
        assertThat(wallets.row(transfer.transactionId())).containsEntry("failure_reason", "WALLET_INACTIVE");
        assertThat(wallets.balance(from)).isEqualTo(500);
    }

    @Test
    void deadLettersPoisonRecordsFailsTheirTransactionsAndKeepsThePartitionMoving() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(500);
        UUID to = wallets.aWalletWith(0);
        String key = from.toString();
        TransferFunds tampered = wallets.pendingTransfer(from, to, 5);
        CommandEnvelope sealed = codec.seal(tampered);
        CommandEnvelope badCiphertext = new CommandEnvelope(sealed.commandId(), sealed.walletId(), sealed.keyId(),
                sealed.payload().substring(0, sealed.payload().length() - 8) + "AAAAAAAA");
        TransferFunds misrouted = wallets.pendingTransfer(to, from, 1);
        TransferFunds good = wallets.pendingTransfer(from, to, 100);

        sendRaw(Topics.WALLET_COMMANDS, key, "this is not json");
        sendRaw(Topics.WALLET_COMMANDS, key, json.writeValueAsString(badCiphertext));
        sendRaw(Topics.WALLET_COMMANDS, key, json.writeValueAsString(codec.seal(misrouted)));
        send(good);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(good.transactionId())));
        // a dead-lettered command closes its transaction: FAILED / PROCESSING_ERROR, no money moved
        List<UUID> poisoned = List.of(tampered.transactionId(), misrouted.transactionId());
        await().atMost(PATIENCE).until(() -> wallets.countByReason(poisoned, "PROCESSING_ERROR") == 2);
        assertThat(wallets.countByStatus(poisoned, "FAILED")).isEqualTo(2);
        assertThat(wallets.balance(from)).isEqualTo(400).isEqualTo(wallets.postingsOf(from));
        assertThat(wallets.balance(to)).isEqualTo(100).isEqualTo(wallets.postingsOf(to));
        assertThat(poisoned).allSatisfy(id -> assertThat(wallets.ledgerEntries(id)).isZero());
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<TransactionEvent> events = eventsOf(Set.copyOf(poisoned)).stream().map(ConsumerRecord::value).toList();
            assertThat(events).hasSize(2).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(TransactionStatus.FAILED);
                assertThat(e.failureReason()).isEqualTo(FailureReason.PROCESSING_ERROR);
                assertThat(e.postings()).isEmpty();
            });
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = readAll(Topics.WALLET_COMMANDS_DLQ).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(dead).hasSize(3);
            assertThat(dead).allSatisfy(r -> assertThat(header(r, KafkaConfiguration.REASON_HEADER))
                    .isNotBlank().hasSizeLessThanOrEqualTo(200));
            assertThat(dead).anySatisfy(r -> assertThat(header(r, KafkaConfiguration.REASON_HEADER))
                    .contains("cannot be decrypted"));
            assertThat(dead).anySatisfy(r -> assertThat(header(r, KafkaConfiguration.REASON_HEADER))
                    .contains("wallet id"));
            assertThat(dead).anySatisfy(r -> assertThat(r.value()).isEqualTo("this is not json"));
            // the exception's class names stay; its message and stack trace (SQL, Detail text) do not
            assertThat(dead).allSatisfy(r -> {
                assertThat(r.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
                assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNull();
                assertThat(r.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
                for (Header h : r.headers()) {
                    assertThat(new String(h.value(), StandardCharsets.UTF_8)).as(h.key())
                            .doesNotContain("\tat ").doesNotContain("Detail");
                }
            });
        });
    }

    @Test
    void exposesHealthAndPrometheus() {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);

        assertThat(http.get().uri("/actuator/health").retrieve().body(String.class)).contains("UP");
        // one indicator per dependency (contract section 11); HealthIndicatorsIT shows each turning DOWN
        for (String component : List.of("db", "kafka", "redis")) {
            assertThat(http.get().uri("/actuator/health/" + component).retrieve().body(String.class))
                    .as(component).contains("\"UP\"");
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                http.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("jvm_"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        List<UUID> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

}
