package com.wallet.processor;

import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import com.wallet.processor.wallet.application.transfer.TransferBatchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.analytics.topology.VolumeStats;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import com.wallet.processor.wallet.application.transfer.TransferBatchService;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
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

/**
 * Two processor application contexts as two real members of one consumer group, each owning
 * partitions of wallet.commands with traffic, and the money rules without the Redis lock.
 */
class TwoProcessorsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static ConfigurableApplicationContext second;

    @Autowired
    ProcessCommandBatchService firstProcessor;
    @Autowired
    KafkaListenerEndpointRegistry firstRegistry;
    @Autowired
    MeterRegistry firstMeters;

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
    void appliesEveryCommandExactlyOnceWithTwoPartitionOwners() {
        Set<Integer> firstOwns = awaitAssignment(firstRegistry);
        Set<Integer> secondOwns = awaitAssignment(second.getBean(KafkaListenerEndpointRegistry.class));
        assertThat(firstOwns).as("two real members of the group, each owning partitions").isNotEmpty()
                .doesNotContainAnyElementsOf(secondOwns);
        assertThat(secondOwns).isNotEmpty();

        WalletFixture wallets = fixture();
        // sources on partitions of both owners, each funded for 10 of its 15 transfers
        List<UUID> sources = sourcesOnPartitionsOf(wallets, firstOwns, secondOwns, 4);
        List<UUID> targets = IntStream.range(0, 6).mapToObj(i -> wallets.aWalletWith(0)).toList();
        List<TransferFunds> transfers = new ArrayList<>();
        for (UUID source : sources) {
            for (int i = 0; i < 15; i++) {
                transfers.add(wallets.pendingTransfer(source, targets.get((i + transfers.size()) % targets.size()), 100));
            }
        }
        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();
        double firstBefore = applied(firstMeters);
        double secondBefore = applied(second.getBean(MeterRegistry.class));

        transfers.parallelStream().forEach(this::send);

        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "PENDING") == 0);
        int n = sources.size();
        assertThat(wallets.countByStatus(ids, "COMPLETED")).isEqualTo(10L * n);
        assertThat(wallets.countByReason(ids, "INSUFFICIENT_FUNDS")).isEqualTo(5L * n);
        assertThat(processedCommands(ids)).isEqualTo(15L * n);
        for (TransferFunds t : transfers) {
            long expected = "COMPLETED".equals(wallets.status(t.transactionId())) ? 2 : 0;
            assertThat(wallets.ledgerEntries(t.transactionId())).as("ledger entries of %s", t.transactionId())
                    .isEqualTo(expected);
            assertThat(wallets.outboxEvents(t.transactionId())).isEqualTo(1);
        }
        assertThat(wallets.unbalancedTransactions(ids)).isZero();
        for (UUID source : sources) {
            assertThat(wallets.balance(source)).isZero().isEqualTo(wallets.postingsOf(source));
        }
        assertThat(targets.stream().mapToLong(wallets::balance).sum()).isEqualTo(1_000L * n);
        for (UUID target : targets) {
            assertThat(wallets.balance(target)).isEqualTo(wallets.postingsOf(target));
        }
        // both owners applied commands, and together exactly one application per command
        double byFirst = applied(firstMeters) - firstBefore;
        double bySecond = applied(second.getBean(MeterRegistry.class)) - secondBefore;
        assertThat(byFirst).as("applied by the first processor").isPositive();
        assertThat(bySecond).as("applied by the second processor").isPositive();
        assertThat(byFirst + bySecond).isEqualTo(15.0 * n);
        // one event per state change on wallet.transactions (a relay re-send repeats the same eventId)
        Set<UUID> idSet = Set.copyOf(ids);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Set<UUID>> eventIds = new HashMap<>();
            for (var r : eventsOf(idSet)) {
                eventIds.computeIfAbsent(r.value().transactionId() + "/" + r.value().status(), k -> new HashSet<>())
                        .add(r.value().eventId());
            }
            assertThat(eventIds).hasSize(ids.size());
            assertThat(eventIds.values()).allSatisfy(e -> assertThat(e).hasSize(1));
        });
    }

    @Test
    void aggregatesCompletedTransferVolumeInKafkaStreams() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(10_000);
        UUID to = wallets.aWalletWith(0);
        List<TransferFunds> transfers = IntStream.range(0, 3).mapToObj(i -> wallets.pendingTransfer(from, to, 1_000)).toList();

        transfers.forEach(this::send);

        List<UUID> ids = transfers.stream().map(TransferFunds::transactionId).toList();
        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "COMPLETED") == 3);
        // exact: the latest volume equals the distinct COMPLETED USD transfers on the topic (the topology
        // de-duplicates by transaction id), these three included
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<UUID, Long> completed = new HashMap<>();
            for (var r : readAll(Topics.WALLET_TRANSACTIONS)) {
                TransactionEvent e = json.readValue(r.value(), TransactionEvent.class);
                if (e.status() == TransactionStatus.COMPLETED && e.type() == TransactionType.TRANSFER
                        && "USD".equals(e.currency())) {
                    completed.put(e.transactionId(), e.amount());
                }
            }
            assertThat(completed).containsKeys(ids.toArray(UUID[]::new));
            var volume = readAll(Topics.ANALYTICS_VOLUME).stream().filter(r -> "USD:TRANSFER".equals(r.key()))
                    .map(r -> json.readValue(r.value(), VolumeStats.class)).toList();
            assertThat(volume).isNotEmpty();
            VolumeStats latest = volume.get(volume.size() - 1);
            assertThat(latest.count()).isEqualTo(completed.size());
            assertThat(latest.amount()).isEqualTo(completed.values().stream().mapToLong(Long::longValue).sum());
        });
    }

    @Test
    void appliesEachCommandOnceWhenBothProcessorsHandleTheSameCommandsAtOnce() throws Exception {
        WalletFixture wallets = fixture();
        UUID hot = wallets.aWalletWith(1_000);
        UUID other = wallets.aWalletWith(0);
        List<TransferFunds> transfers = IntStream.range(0, 50)
                .mapToObj(i -> wallets.pendingTransfer(hot, other, 100)).toList();
        ProcessCommandBatchService secondProcessor = second.getBean(ProcessCommandBatchService.class);

        List<Callable<Object>> calls = new ArrayList<>();
        for (TransferFunds t : transfers) {
            CommandEnvelope envelope = codec.seal(t);
            List<CommandRecord> record = List.of(new CommandRecord(0, envelope.walletId(), envelope, null));
            calls.add(() -> retrying(() -> firstProcessor.process(record)));
            calls.add(() -> retrying(() -> secondProcessor.process(record)));
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
    void keepsTheMoneyRulesWhenTheRedisLockIsLost(@Autowired TransactionTemplate tx, @Autowired LedgerTransitions ledger)
            throws Exception {
        WalletLocks noLock = ids -> () -> { };
        TransferBatchService unlocked = new TransferBatchService(noLock, tx, ledger);
        WalletFixture wallets = fixture();
        UUID a = wallets.aWalletWith(1_000);
        UUID b = wallets.aWalletWith(1_000);
        List<TransferFunds> transfers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            transfers.add(wallets.pendingTransfer(a, b, 100));
            transfers.add(wallets.pendingTransfer(b, a, 100));
        }
        // each command in two batches of ten, in both directions, the batches applied concurrently
        List<Callable<Object>> calls = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            List<TransferFunds> shuffled = new ArrayList<>(transfers);
            Collections.shuffle(shuffled);
            for (int from = 0; from < shuffled.size(); from += 10) {
                List<TransferFunds> batch = shuffled.subList(from, from + 10);
                calls.add(() -> retrying(() -> unlocked.apply(batch)));
            }
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

    private static Set<Integer> awaitAssignment(KafkaListenerEndpointRegistry registry) {
        MessageListenerContainer container = registry.getListenerContainer("wallet-commands");
        await().atMost(PATIENCE).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
        return container.getAssignedPartitions().stream().filter(tp -> Topics.WALLET_COMMANDS.equals(tp.topic()))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    /** Funded wallets whose records land on partitions of both owners ({@code each} per owner). */
    private static List<UUID> sourcesOnPartitionsOf(WalletFixture wallets, Set<Integer> first, Set<Integer> second,
                                                    int each) {
        List<UUID> onFirst = new ArrayList<>();
        List<UUID> onSecond = new ArrayList<>();
        while (onFirst.size() < each || onSecond.size() < each) {
            UUID candidate = UUID.randomUUID();
            int partition = partitionOf(candidate);
            List<UUID> bucket = first.contains(partition) ? onFirst : second.contains(partition) ? onSecond : null;
            if (bucket != null && bucket.size() < each) {
                bucket.add(wallets.aWalletWithId(candidate, 1_000));
            }
        }
        List<UUID> all = new ArrayList<>(onFirst);
        all.addAll(onSecond);
        return all;
    }

    /** The partition Kafka's default partitioner picks for a record keyed by this wallet. */
    private static int partitionOf(UUID wallet) {
        byte[] key = wallet.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % Topics.COMMAND_PARTITIONS;
    }

    /** Commands this context applied (COMPLETED or FAILED, not DUPLICATE or IGNORED). */
    private static double applied(MeterRegistry meters) {
        return meters.find("wallet.commands.processed").counters().stream()
                .filter(c -> "COMPLETED".equals(c.getId().getTag("outcome"))
                        || "FAILED".equals(c.getId().getTag("outcome")))
                .mapToDouble(Counter::count).sum();
    }

    private long processedCommands(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM processed_commands WHERE command_id IN (:ids)").param("ids", ids)
                .query(Long.class).single();
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
