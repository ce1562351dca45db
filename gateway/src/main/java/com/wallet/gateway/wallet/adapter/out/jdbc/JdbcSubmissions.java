package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.gateway.wallet.application.PendingTransaction;
import com.wallet.gateway.wallet.application.StoredTransaction;
import com.wallet.gateway.wallet.application.Submissions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mutation's four rows in one statement, run in autocommit: a single statement is atomic on its
 * own, so the request pays one round trip and no BEGIN or COMMIT (it paid five statements and a
 * commit before). Every row hangs off the inserted transaction, so when the idempotency key is
 * taken ({@code ON CONFLICT DO NOTHING} returns no row) nothing else is written either.
 *
 * <p>The event and audit inserts are {@code OutboxStatements.APPEND} and
 * {@code TransactionAuditStatements.BY_INITIATOR} written flat, because PostgreSQL refuses a
 * data-modifying CTE nested in another. A new transaction has no earlier state, so its audit
 * entry is always TRANSACTION_CREATED with no "before".
 */
class JdbcSubmissions implements Submissions {

    private static final String RECORD = """
            WITH t AS (
                INSERT INTO transactions (id, wallet_id, counterparty_wallet_id, user_id, type, status, amount, currency,
                                          description, payment_method, idempotency_key, request_fingerprint, request_id)
                VALUES (:id, :walletId, :counterpartyWalletId, :userId, :type, 'PENDING', :amount, :currency,
                        :description, :paymentMethod, :idempotencyKey, :fingerprint, :requestId)
                ON CONFLICT (user_id, idempotency_key) DO NOTHING
                RETURNING *
            ), next AS (
                INSERT INTO wallet_event_sequences AS s (wallet_id, last_sequence)
                SELECT t.wallet_id, 1 FROM t
                ON CONFLICT (wallet_id) DO UPDATE SET last_sequence = s.last_sequence + 1
                RETURNING last_sequence
            ), event AS (
                INSERT INTO outbox_events (event_id, transaction_id, wallet_id, wallet_sequence, payload)
                SELECT :eventId, t.id, t.wallet_id, next.last_sequence,
                       jsonb_set(CAST(:payload AS jsonb), '{walletSequence}', to_jsonb(next.last_sequence))
                FROM t, next
            ), audit AS (
                INSERT INTO audit_log (actor, action, wallet_id, counterparty_wallet_id, transaction_id, before, after)
                SELECT t.user_id, 'TRANSACTION_CREATED', t.wallet_id, t.counterparty_wallet_id, t.id, NULL,
                       jsonb_build_object('status', CAST(:payload AS jsonb) -> 'status',
                                          'failureReason', CAST(:payload AS jsonb) -> 'failureReason',
                                          'postings', COALESCE(CAST(:payload AS jsonb) -> 'postings', '[]'::jsonb))
                FROM t
            ), command AS (
                INSERT INTO command_outbox (command_id, wallet_id, envelope)
                SELECT :commandId, t.wallet_id, CAST(:envelope AS jsonb) FROM t
            )
            SELECT %s FROM t
            """.formatted(JdbcTransactions.COLUMNS);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JdbcTransactions transactions;

    JdbcSubmissions(JdbcClient jdbc, JsonMapper json, JdbcTransactions transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    @Override
    public Optional<StoredTransaction> record(PendingTransaction tx, TransactionEvent pending, CommandEnvelope command) {
        return jdbc.sql(RECORD)
                .param("id", tx.id())
                .param("walletId", tx.walletId())
                .param("counterpartyWalletId", tx.counterpartyWalletId())
                .param("userId", tx.userId())
                .param("type", tx.type().name())
                .param("amount", tx.amount())
                .param("currency", tx.currency())
                .param("description", tx.sealedDescription())
                .param("paymentMethod", tx.sealedPaymentMethod())
                .param("idempotencyKey", tx.idempotencyKey())
                .param("fingerprint", tx.requestFingerprint())
                .param("requestId", tx.requestId())
                .param("eventId", pending.eventId())
                .param("payload", json.writeValueAsString(pending))
                .param("commandId", UUID.fromString(command.commandId()))
                .param("envelope", json.writeValueAsString(command))
                .query(transactions::transaction).optional();
    }
}
