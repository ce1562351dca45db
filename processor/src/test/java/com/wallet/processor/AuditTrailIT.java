package com.wallet.processor;

import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.retention.RetentionPurge;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The processor's audit entries (contract 5, auditLog): one per state change, actor {@code system},
 * written in the database transaction of the change; and the processor runs as the application role.
 */
class AuditTrailIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Transactions transactions;
    @Autowired
    LedgerTransitions ledger;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RetentionPurge retention;

    record Entry(String actor, String action, UUID counterparty, JsonNode before, JsonNode after) {
    }

    private List<Entry> entriesOf(UUID transactionId) {
        return jdbc.sql("""
                        SELECT actor, action, counterparty_wallet_id, before::text AS before, after::text AS after
                        FROM audit_log WHERE transaction_id = :t ORDER BY id""")
                .param("t", transactionId)
                .query((rs, n) -> new Entry(rs.getString("actor"), rs.getString("action"),
                        rs.getObject("counterparty_wallet_id", UUID.class), tree(rs.getString("before")),
                        tree(rs.getString("after"))))
                .list();
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    /** What the gateway writes with a PENDING row: its outbox event and the audit entry of its creator. */
    private void acceptedByTheGateway(TransferFunds t) {
        TransactionEvent pending = TransactionEvent.of(t.transactionId(), t.walletId(), t.toWalletId(),
                com.wallet.common.messaging.TransactionType.TRANSFER, TransactionStatus.PENDING, t.amount(), "USD", null,
                List.of(), Instant.now());
        String payload = json.writeValueAsString(pending);
        transaction.executeWithoutResult(s -> {
            for (String statement : List.of(OutboxStatements.APPEND, TransactionAuditStatements.BY_INITIATOR)) {
                jdbc.sql(statement).param("eventId", pending.eventId()).param("transactionId", pending.transactionId())
                        .param("walletId", pending.walletId()).param("payload", payload).update();
            }
        });
    }

    @Test
    void runsAsTheApplicationRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("wallet_app");
    }

    @Test
    void auditsEachStateChangeOfATransferWithItsBeforeAndAfter() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(1_000);
        UUID to = wallets.aWalletWith(0);
        TransferFunds completed = wallets.pendingTransfer(from, to, 300);
        TransferFunds refused = wallets.pendingTransfer(from, to, 5_000);
        acceptedByTheGateway(completed);
        acceptedByTheGateway(refused);

        send(completed);
        send(refused);

        await().atMost(PATIENCE).until(() -> entriesOf(completed.transactionId()).size() == 2
                && entriesOf(refused.transactionId()).size() == 2);
        List<Entry> entries = entriesOf(completed.transactionId());
        assertThat(entries.get(0).action()).isEqualTo("TRANSACTION_CREATED");
        assertThat(entries.get(0).actor()).isEqualTo("user-" + from);
        Entry change = entries.get(1);
        assertThat(change.actor()).isEqualTo("system");
        assertThat(change.action()).isEqualTo("TRANSACTION_STATUS_CHANGED");
        assertThat(change.counterparty()).isEqualTo(to);
        assertThat(change.before().path("status").asString()).isEqualTo("PENDING");
        assertThat(change.after().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(change.after().path("postings").valueStream()
                .map(p -> p.path("walletId").asString() + ":" + p.path("amount").asLong()).toList())
                .containsExactlyInAnyOrder(from + ":-300", to + ":300");

        Entry failed = entriesOf(refused.transactionId()).get(1);
        assertThat(failed.actor()).isEqualTo("system");
        assertThat(failed.after().path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.after().path("failureReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.after().path("postings").isEmpty()).isTrue();
    }

    @Test
    void anAuditEntryRollsBackWithItsChangeAndCommitsWithIt() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(100);
        UUID to = wallets.aWalletWith(0);
        // not sent to Kafka: this test changes the status itself, through the port a service uses
        UUID id = wallets.pendingTransfer(from, to, 100).transactionId();
        TransactionRecord pending = transactions.find(id).orElseThrow();

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            ledger.applyIfCurrent(new LedgerTransitions.Change(pending,
                    Transition.failed(id, pending.currency(), FailureReason.INSUFFICIENT_FUNDS)));
            assertThat(entriesOf(id)).hasSize(1); // written, not yet committed
            throw new IllegalStateException("the change fails after its audit entry was written");
        })).hasMessageContaining("the change fails");

        assertThat(entriesOf(id)).isEmpty();
        assertThat(transactions.find(id).orElseThrow().status()).isEqualTo(TransactionStatus.PENDING);

        transaction.executeWithoutResult(s -> {
            ledger.applyIfCurrent(new LedgerTransitions.Change(pending,
                    Transition.failed(id, pending.currency(), FailureReason.INSUFFICIENT_FUNDS)));
        });

        assertThat(entriesOf(id)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.after().path("status").asString()).isEqualTo("FAILED");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE transaction_id = :t").param("t", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Retention (V8) purges published outbox events; "before" comes from the audit trail, which stays. */
    @Test
    void keepsTheStateBeforeAChangeAfterTheTransactionsOutboxEventsWerePurged() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(100);
        UUID to = wallets.aWalletWith(0);
        TransferFunds transfer = wallets.pendingTransfer(from, to, 100); // not sent: this test changes it itself
        UUID id = transfer.transactionId();
        acceptedByTheGateway(transfer);
        String ofTransaction = "SELECT count(*) FROM outbox_events WHERE transaction_id = :t";
        await().atMost(PATIENCE).until(() -> jdbc.sql(ofTransaction + " AND published_at IS NOT NULL").param("t", id)
                .query(Long.class).single() == 1);
        jdbc.sql("UPDATE outbox_events SET published_at = now() - interval '8 days' WHERE transaction_id = :t")
                .param("t", id).update();

        retention.purge();

        assertThat(jdbc.sql(ofTransaction).param("t", id).query(Long.class).single()).isZero();
        TransactionRecord pending = transactions.find(id).orElseThrow();
        transaction.executeWithoutResult(s -> {
            ledger.applyIfCurrent(new LedgerTransitions.Change(pending,
                    Transition.failed(id, pending.currency(), FailureReason.INSUFFICIENT_FUNDS)));
        });
        List<Entry> entries = entriesOf(id);
        assertThat(entries).extracting(Entry::action).containsExactly("TRANSACTION_CREATED", "TRANSACTION_STATUS_CHANGED");
        assertThat(entries.get(1).before().path("status").asString()).isEqualTo("PENDING");
        assertThat(entries.get(1).after().path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void theApplicationRoleCannotRewriteTheLedgerOrTheAuditTrail() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(700);
        for (String sql : List.of(
                "UPDATE ledger_entries SET amount = amount * 2 WHERE wallet_id = :w",
                "DELETE FROM ledger_entries WHERE wallet_id = :w",
                "DELETE FROM audit_log WHERE wallet_id = :w",
                "UPDATE audit_log SET actor = 'x' WHERE wallet_id = :w")) {
            assertThatThrownBy(() -> jdbc.sql(sql).param("w", wallet).update()).as(sql)
                    .rootCause().hasMessageContaining("permission denied");
        }
        assertThat(wallets.postingsOf(wallet)).isEqualTo(700);
    }
}
