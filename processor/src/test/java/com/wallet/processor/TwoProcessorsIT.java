package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.analytics.topology.VolumeStats;
import com.wallet.processor.wallet.application.Ledger;
import com.wallet.processor.wallet.application.ProcessWalletCommandService;
import com.wallet.processor.wallet.application.ProcessedCommands;
import com.wallet.processor.wallet.application.TransactionEventFactory;
import com.wallet.processor.wallet.application.TransactionEvents;
import com.wallet.processor.wallet.application.Transactions;
import com.wallet.processor.wallet.application.TransferFundsService;
import com.wallet.processor.wallet.application.WalletLocks;
import com.wallet.processor.wallet.application.Wallets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Two processor application contexts in one consumer group, and the money rules without the Redis lock. */
class TwoProcessorsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static ConfigurableApplicationContext second;

    @Autowired
    ProcessWalletCommandService firstProcessor;

    @BeforeAll
    static void startSecondProcessor() {
        // command-line arguments: they outrank application.yml, as the first context's test properties do
        // the second processor also runs the Kafka Streams analytics (the first has them off)
        var props = allProperties();
        props.put("wallet.analytics.enabled", "true");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        second = new SpringApplicationBuilder(ProcessorApplication.class).run(args);
    }

    @AfterAll
    static void stopSecondProcessor() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void spendsAHotWalletExactlyOnceWithTwoProcessorsInTheGroup() {
        WalletFixture wallets = fixture();
        UUID hot = wallets.aWalletWith(1_000);
        List<UUID> others = IntStream.range(0, 5).mapToObj(i -> wallets.aWalletWith(0)).toList();
        List<TransferFunds> transfers = IntStream.range(0, 50)
                .mapToObj(i -> wallets.pendingTransfer(hot, others.get(i % others.size()), 100)).toList();
        // and traffic from the other wallets' partitions into the hot wallet at the same time
        List<TransferFunds> incoming = others.stream().map(o -> wallets.pendingTransfer(o, hot, 1)).toList();
        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();

        transfers.parallelStream().forEach(this::send);

        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "PENDING") == 0);
        assertThat(wallets.countByStatus(ids, "COMPLETED")).isEqualTo(10);
        assertThat(wallets.countByReason(ids, "INSUFFICIENT_FUNDS")).isEqualTo(40);
        assertThat(wallets.balance(hot)).isZero();
        assertThat(wallets.unbalancedTransactions(ids)).isZero();

        incoming.forEach(this::send);
        List<UUID> incomingIds = incoming.stream().map(TransferFunds::transactionId).toList();
        await().atMost(PATIENCE).until(() -> wallets.countByStatus(incomingIds, "PENDING") == 0);
        for (UUID wallet : others) {
            assertThat(wallets.balance(wallet)).isEqualTo(wallets.postingsOf(wallet));
        }
        assertThat(wallets.balance(hot)).isEqualTo(wallets.postingsOf(hot));
    }

    @Test
    void aggregatesCompletedTransferVolumeInKafkaStreams() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(10_000);
        UUID to = wallets.aWalletWith(0);
        List<TransferFunds> transfers = IntStream.range(0, 3).mapToObj(i -> wallets.pendingTransfer(from, to, 1_000)).toList();

        transfers.forEach(this::send);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var volume = readAll(Topics.ANALYTICS_VOLUME).stream().filter(r -> "USD:TRANSFER".equals(r.key()))
                    .map(r -> json.readValue(r.value(), VolumeStats.class)).toList();
            assertThat(volume).isNotEmpty();
            VolumeStats latest = volume.get(volume.size() - 1);
            assertThat(latest.count()).isGreaterThanOrEqualTo(3);
            assertThat(latest.amount()).isGreaterThanOrEqualTo(3_000);
        });
    }

    @Test
    void appliesEachCommandOnceWhenBothProcessorsHandleTheSameCommandsAtOnce() throws Exception {
        WalletFixture wallets = fixture();
        UUID hot = wallets.aWalletWith(1_000);
        UUID other = wallets.aWalletWith(0);
        List<TransferFunds> transfers = IntStream.range(0, 50)
                .mapToObj(i -> wallets.pendingTransfer(hot, other, 100)).toList();
        ProcessWalletCommandService secondProcessor = second.getBean(ProcessWalletCommandService.class);

        List<Callable<Object>> calls = new ArrayList<>();
        for (TransferFunds t : transfers) {
            CommandEnvelope envelope = codec.seal(t);
            calls.add(() -> retrying(() -> firstProcessor.process(envelope.walletId(), envelope)));
            calls.add(() -> retrying(() -> secondProcessor.process(envelope.walletId(), envelope)));
        }
        runAll(calls);

        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();
        assertThat(wallets.countByStatus(ids, "COMPLETED")).isEqualTo(10);
        assertThat(wallets.countByReason(ids, "INSUFFICIENT_FUNDS")).isEqualTo(40);
        assertThat(wallets.balance(hot)).isZero().isEqualTo(wallets.postingsOf(hot));
        assertThat(wallets.balance(other)).isEqualTo(1_000).isEqualTo(wallets.postingsOf(other));
        assertThat(ids).allSatisfy(id -> assertThat(wallets.outboxEvents(id)).isEqualTo(1));
    }

    @Test
    void keepsTheMoneyRulesWhenTheRedisLockIsLost(@Autowired TransactionTemplate tx, @Autowired ProcessedCommands processed,
                                                   @Autowired Transactions transactions, @Autowired Wallets walletPort,
                                                   @Autowired Ledger ledger, @Autowired TransactionEvents events,
                                                   @Autowired TransactionEventFactory factory) throws Exception {
        WalletLocks noLock = ids -> () -> { };
        TransferFundsService unlocked = new TransferFundsService(noLock, tx, processed, transactions, walletPort, ledger,
                events, factory);
        WalletFixture wallets = fixture();
        UUID a = wallets.aWalletWith(1_000);
        UUID b = wallets.aWalletWith(1_000);
        List<TransferFunds> transfers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            transfers.add(wallets.pendingTransfer(a, b, 100));
            transfers.add(wallets.pendingTransfer(b, a, 100));
        }
        List<Callable<Object>> calls = new ArrayList<>();
        for (TransferFunds t : transfers) {
            calls.add(() -> retrying(() -> unlocked.transfer(t)));
            calls.add(() -> retrying(() -> unlocked.transfer(t))); // each command twice, concurrently
        }
        Collections.shuffle(calls);
        runAll(calls);

        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();
        assertThat(wallets.countByStatus(ids, "PENDING")).isZero();
        assertThat(wallets.balance(a) + wallets.balance(b)).isEqualTo(2_000);
        assertThat(wallets.balance(a)).isNotNegative().isEqualTo(wallets.postingsOf(a));
        assertThat(wallets.balance(b)).isNotNegative().isEqualTo(wallets.postingsOf(b));
        assertThat(wallets.unbalancedTransactions(ids)).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(wallets.outboxEvents(id)).isEqualTo(1));
    }

    /** What Kafka's error handler does for a transient failure (lock timeout, deadlock victim): try again. */
    private static Object retrying(Callable<Object> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static void runAll(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
