package com.wallet.processor;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.transfer.CommandBatchException;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.transfer.CommandBatchException;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A poll of wallet.commands as one batch: runs of transfers in one database transaction, applied
 * in offset order, with a poison record stopping the batch at its own index.
 */
class CommandBatchIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ProcessCommandBatchService batches;

    @Test
    void appliesARunInOrderSoEachTransferSeesTheBalancesTheOnesBeforeItLeft() {
        WalletFixture wallets = fixture();
        UUID source = wallets.aWalletWith(300);
        UUID target = wallets.aWalletWith(0);
        TransferFunds first = wallets.pendingTransfer(source, target, 200);
        TransferFunds tooMuch = wallets.pendingTransfer(source, target, 200);
        TransferFunds rest = wallets.pendingTransfer(source, target, 100);
        TransferFunds back = wallets.pendingTransfer(target, source, 50);   // the target has funds only from `first`

        List<Outcome> outcomes = batches.process(records(first, tooMuch, rest, back));

        assertThat(outcomes).containsExactly(Outcome.COMPLETED, Outcome.FAILED, Outcome.COMPLETED, Outcome.COMPLETED);
        assertThat(wallets.status(tooMuch.transactionId())).isEqualTo("FAILED");
        assertThat(wallets.row(tooMuch.transactionId())).containsEntry("failure_reason", "INSUFFICIENT_FUNDS");
        assertThat(wallets.balance(source)).isEqualTo(50).isEqualTo(wallets.postingsOf(source));
        assertThat(wallets.balance(target)).isEqualTo(250).isEqualTo(wallets.postingsOf(target));
        List<UUID> ids = List.of(first.transactionId(), tooMuch.transactionId(), rest.transactionId(), back.transactionId());
        assertThat(wallets.unbalancedTransactions(ids)).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(wallets.outboxEvents(id)).isEqualTo(1));
        // the source's three events take consecutive walletSequences in offset order
        List<Long> sequences = jdbc.sql("""
                SELECT wallet_sequence FROM outbox_events WHERE transaction_id IN (:ids) AND wallet_id = :w
                ORDER BY sequence""").param("ids", ids).param("w", source).query(Long.class).list();
        assertThat(sequences).hasSize(3);
        assertThat(sequences.get(1)).isEqualTo(sequences.get(0) + 1);
        assertThat(sequences.get(2)).isEqualTo(sequences.get(1) + 1);
    }

    @Test
    void appliesACommandTwiceInOneBatchOnce() {
        WalletFixture wallets = fixture();
        UUID source = wallets.aWalletWith(100);
        UUID target = wallets.aWalletWith(0);
        TransferFunds once = wallets.pendingTransfer(source, target, 100);

        assertThat(batches.process(records(once, once))).containsExactly(Outcome.COMPLETED, Outcome.DUPLICATE);
        assertThat(batches.process(records(once))).containsExactly(Outcome.DUPLICATE);

        assertThat(wallets.balance(source)).isZero();
        assertThat(wallets.balance(target)).isEqualTo(100);
        assertThat(wallets.ledgerEntries(once.transactionId())).isEqualTo(2);
    }

    @Test
    void stopsAtAPoisonFoundInTheDatabaseAndLeavesTheCommandsAfterItUnclaimed() {
        WalletFixture wallets = fixture();
        UUID source = wallets.aWalletWith(1_000);
        UUID target = wallets.aWalletWith(0);
        TransferFunds before = wallets.pendingTransfer(source, target, 100);
        TransferFunds real = wallets.pendingTransfer(source, target, 100);
        // the same id as a real row, but another amount: disagrees with its row
        TransferFunds disagrees = new TransferFunds(real.transactionId(), source, target, 999, "USD");
        TransferFunds after = wallets.pendingTransfer(source, target, 100);

        assertThatThrownBy(() -> batches.process(records(before, disagrees, after)))
                .isInstanceOfSatisfying(CommandBatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonCommandException.class);
                });

        assertThat(wallets.status(before.transactionId())).isEqualTo("COMPLETED");
        assertThat(wallets.status(real.transactionId())).isEqualTo("PENDING");
        assertThat(wallets.status(after.transactionId())).isEqualTo("PENDING");
        assertThat(processed(List.of(real.transactionId(), after.transactionId()))).isZero();
        // the commands after the poison apply when they come again
        assertThat(batches.process(records(after, real))).containsExactly(Outcome.COMPLETED, Outcome.COMPLETED);
        assertThat(wallets.balance(source)).isEqualTo(700).isEqualTo(wallets.postingsOf(source));
    }

    @Test
    void stopsAtAnUnreadableRecordBeforeAnyDatabaseWorkAfterIt() {
        WalletFixture wallets = fixture();
        UUID source = wallets.aWalletWith(1_000);
        UUID target = wallets.aWalletWith(0);
        TransferFunds before = wallets.pendingTransfer(source, target, 100);
        TransferFunds after = wallets.pendingTransfer(source, target, 100);
        List<CommandRecord> records = new ArrayList<>(records(before, after));
        CommandEnvelope misrouted = codec.seal(wallets.pendingTransfer(target, source, 1));
        records.add(1, new CommandRecord(1, source.toString(), misrouted, null));
        records.set(2, new CommandRecord(2, records.get(2).key(), records.get(2).envelope(), null));

        assertThatThrownBy(() -> batches.process(records))
                .isInstanceOfSatisfying(CommandBatchException.class, e -> assertThat(e.index()).isEqualTo(1));

        assertThat(wallets.status(before.transactionId())).isEqualTo("COMPLETED");
        assertThat(wallets.status(after.transactionId())).isEqualTo("PENDING");
    }

    /** Through Kafka: the poison is dead-lettered alone; its neighbours in the poll complete and are not dead-lettered. */
    @Test
    void deadLettersAPoisonRecordAloneAmongItsNeighbours() {
        WalletFixture wallets = fixture();
        UUID source = wallets.aWalletWith(10_000);
        UUID target = wallets.aWalletWith(0);
        List<TransferFunds> neighbours = IntStream.range(0, 40)
                .mapToObj(i -> wallets.pendingTransfer(source, target, 100)).toList();
        TransferFunds real = wallets.pendingTransfer(source, target, 100);
        TransferFunds disagrees = new TransferFunds(real.transactionId(), source, target, 999, "USD");

        neighbours.subList(0, 20).forEach(this::send);
        send(disagrees);
        neighbours.subList(20, 40).forEach(this::send);

        List<UUID> ids = neighbours.stream().map(TransferFunds::transactionId).toList();
        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "COMPLETED") == 40);
        // the dead-lettered command's transaction ends FAILED / PROCESSING_ERROR, nothing moved for it
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(real.transactionId())));
        assertThat(wallets.row(real.transactionId())).containsEntry("failure_reason", "PROCESSING_ERROR");
        assertThat(wallets.balance(source)).isEqualTo(6_000).isEqualTo(wallets.postingsOf(source));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(Topics.WALLET_COMMANDS_DLQ).stream()
                .filter(r -> source.toString().equals(r.key())).toList()).hasSize(1));
    }

    private List<CommandRecord> records(TransferFunds... commands) {
        List<CommandRecord> records = new ArrayList<>();
        for (TransferFunds command : commands) {
            records.add(new CommandRecord(records.size(), command.walletId().toString(), codec.seal(command), null));
        }
        return records;
    }

    private long processed(List<UUID> ids) {
        return jdbc.sql("SELECT count(*) FROM processed_commands WHERE command_id IN (:ids)").param("ids", ids)
                .query(Long.class).single();
    }
}
