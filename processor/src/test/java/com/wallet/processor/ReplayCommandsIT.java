package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import com.wallet.testsupport.LocalServices;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * An operator rewinds the processor's consumer group on wallet.commands to the earliest offset,
 * after Stripe forgot the idempotency keys (24 h): every command is delivered again, and nothing
 * moves and nothing new is created at Stripe. Deposits and withdrawals whose PaymentIntent or
 * Transfer id is recorded are retrieved, never created again (a create with an expired key would
 * charge or pay out twice).
 */
@EnabledIf("emulatorBuilt")
class ReplayCommandsIT extends EmulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void replayingEveryCommandFromTheEarliestOffsetMovesNothingAndCreatesNothingAtStripe() throws Exception {
        WalletFixture wallets = fixture();
        UUID payer = wallets.aWallet(5_000, true, "acct_replay");
        UUID payee = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(payer, 1_000, "pm_card_visa", cipher);
        DepositFunds waiting = wallets.pendingDeposit(payer, 700, "pm_card_threeDSecure2Required", cipher);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(payer, 400);
        TransferFunds transfer = wallets.pendingTransfer(payer, payee, 300);
        List<UUID> txs = List.of(deposit.transactionId(), waiting.transactionId(), withdrawal.transactionId(),
                transfer.transactionId());
        send(deposit);
        send(waiting);
        send(withdrawal);
        send(transfer);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId()))
                && "COMPLETED".equals(wallets.status(withdrawal.transactionId()))
                && "COMPLETED".equals(wallets.status(transfer.transactionId()))
                && fixture().row(waiting.transactionId()).get("stripe_payment_intent_id") != null);
        Map<String, Object> before = snapshot(wallets, txs, payer, payee);
        assertThat(before.get("balance:" + payer)).isEqualTo(5_000L + 1_000 - 400 - 300);

        // Stripe forgot every key; then the whole topic is delivered again.
        assertThat(emulator.post("/_emulator/idempotency/expire", "{}")).isLessThan(300);
        Map<TopicPartition, Long> end = rewindCommandsToEarliest();

        await().atMost(PATIENCE).until(() -> committedReach(end));
        // The 3-D Secure deposit may meanwhile be cancelled by the reconciler's timeout: its status is not compared.
        Map<String, Object> after = snapshot(wallets, txs, payer, payee);
        after.remove("status:" + waiting.transactionId());
        before.remove("status:" + waiting.transactionId());
        assertThat(after).isEqualTo(before);
        assertThat(emulator.paymentIntentsOf(waiting.transactionId())).singleElement()
                .satisfies(pi -> assertThat(pi.path("id").asString())
                        .isEqualTo(fixture().row(waiting.transactionId()).get("stripe_payment_intent_id")));
    }

    /** Balances, statuses, ledger rows, outbox events and the Stripe objects of these transactions. */
    private Map<String, Object> snapshot(WalletFixture wallets, List<UUID> txs, UUID... walletIds) throws Exception {
        Map<String, Object> state = new HashMap<>();
        for (UUID wallet : walletIds) {
            state.put("balance:" + wallet, wallets.balance(wallet));
        }
        for (UUID tx : txs) {
            state.put("status:" + tx, wallets.status(tx));
            state.put("ledger:" + tx, wallets.ledgerEntries(tx));
            state.put("outbox:" + tx, wallets.outboxEvents(tx));
            state.put("paymentIntents:" + tx, emulator.paymentIntentsOf(tx).stream().map(pi -> pi.path("id").asString()).toList());
            state.put("transfers:" + tx, emulator.transfersOf(tx).stream().map(t -> t.path("id").asString()).toList());
        }
        return state;
    }

    /**
     * Stops the group's consumers (its offsets move only while it is empty: both listeners share
     * it), rewinds wallet.commands, starts them again.
     */
    private Map<TopicPartition, Long> rewindCommandsToEarliest() throws Exception {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        await().atMost(PATIENCE).until(() -> listeners.getListenerContainers().stream().noneMatch(MessageListenerContainer::isRunning));
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.WALLET_COMMANDS)).allTopicNames().get()
                    .get(Topics.WALLET_COMMANDS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.WALLET_COMMANDS, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> {
                earliest.put(p, OffsetSpec.earliest());
                latest.put(p, OffsetSpec.latest());
            });
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((p, o) -> rewound.put(p, new OffsetAndMetadata(o.offset())));
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(KafkaConfiguration.GROUP, rewound).all().get();
                return true;
            });
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, o) -> end.put(p, o.offset()));
            assertThat(rewound.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
                    .as("the replay starts before the end").isLessThan(end.values().stream().mapToLong(Long::longValue).sum());
            listeners.getListenerContainers().forEach(MessageListenerContainer::start);
            return end;
        }
    }

    private boolean committedReach(Map<TopicPartition, Long> end) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(KafkaConfiguration.GROUP).partitionsToOffsetAndMetadata().get();
            return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap(TOPICS)));
    }

}
