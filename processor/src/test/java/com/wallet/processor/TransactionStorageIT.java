package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransferFunds;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How transactions are stored for speed (V9): a status change writes no index entry (a HOT update),
 * and the reconciler's queue of deposits and withdrawals waiting for Stripe is kept by the database.
 */
class TransactionStorageIT extends ProcessorIntegrationTest {

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aTransfersStatusChangeWritesNoIndexEntry() {
        UUID from = fixture().aWalletWith(1_000);
        UUID to = fixture().aWalletWith(0);
        TransactionTemplate inOneTransaction = new TransactionTemplate(transactionManager);

        long[] updatedAndHot = inOneTransaction.execute(status -> {
            TransferFunds transfer = fixture().pendingTransfer(from, to, 100);
            long[] before = updateCounters();
            jdbc.sql("UPDATE transactions SET status = 'COMPLETED', updated_at = now() WHERE id = :id")
                    .param("id", transfer.transactionId()).update();
            long[] after = updateCounters();
            status.setRollbackOnly();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });

        assertThat(updatedAndHot).containsExactly(1, 1);
    }

    /**
     * This backend's not yet reported counters of updates and HOT updates of transactions: within one
     * transaction they only grow, so a difference is what the statements between did.
     */
    private long[] updateCounters() {
        return jdbc.sql("SELECT pg_stat_get_xact_tuples_updated('transactions'::regclass) AS updated, "
                        + "pg_stat_get_xact_tuples_hot_updated('transactions'::regclass) AS hot")
                .query((rs, n) -> new long[] {rs.getLong("updated"), rs.getLong("hot")}).single();
    }

    @Test
    void theReconcilerQueueHoldsADepositExactlyWhileItIsProcessing() {
        UUID wallet = fixture().aWalletWith(0);
        DepositFunds deposit = fixture().pendingDeposit(wallet, 500, "pm_card_visa", cipher);
        UUID id = deposit.transactionId();
        assertThat(queued(id)).isEmpty();

        setStatus(id, "PROCESSING");
        assertThat(queued(id)).containsExactly("DEPOSIT");
        String firstTouch = queuedAt(id);
        jdbc.sql("UPDATE transactions SET updated_at = now() + interval '1 minute' WHERE id = :id").param("id", id).update();
        assertThat(queuedAt(id)).isGreaterThan(firstTouch);

        setStatus(id, "COMPLETED");
        assertThat(queued(id)).isEmpty();
    }

    @Test
    void aTransferNeverEntersTheReconcilerQueue() {
        UUID from = fixture().aWalletWith(1_000);
        TransferFunds transfer = fixture().pendingTransfer(from, fixture().aWalletWith(0), 100);

        setStatus(transfer.transactionId(), "PROCESSING");

        assertThat(queued(transfer.transactionId())).isEmpty();
    }

    @Test
    void theApplicationRoleOnlyReadsTheQueue() {
        UUID wallet = fixture().aWalletWith(0);
        DepositFunds deposit = fixture().pendingDeposit(wallet, 500, "pm_card_visa", cipher);

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO transactions_awaiting_stripe VALUES (:id, 'DEPOSIT', now())")
                .param("id", deposit.transactionId()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM transactions_awaiting_stripe").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    private void setStatus(UUID id, String status) {
        jdbc.sql("UPDATE transactions SET status = :s, updated_at = now() WHERE id = :id")
                .param("s", status).param("id", id).update();
    }

    private List<String> queued(UUID id) {
        return jdbc.sql("SELECT type FROM transactions_awaiting_stripe WHERE transaction_id = :id")
                .param("id", id).query(String.class).list();
    }

    private String queuedAt(UUID id) {
        return jdbc.sql("SELECT to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.US') FROM transactions_awaiting_stripe "
                + "WHERE transaction_id = :id").param("id", id).query(String.class).single();
    }
}
