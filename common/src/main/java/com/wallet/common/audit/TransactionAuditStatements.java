package com.wallet.common.audit;

/**
 * The audit entry of a transaction's state change, written right after its outbox event
 * ({@code OutboxStatements.APPEND}), in the same database transaction: every state change has an
 * event, so the event append is the one place every change passes (contract 5, auditLog). Named
 * parameters as for the append: {@code eventId}, {@code transactionId}, {@code walletId},
 * {@code payload} (the event as JSON).
 *
 * <p>{@code before} is the state of the transaction's previous audit entry (none: the transaction
 * was just created), {@code after} the state of this event with the postings it wrote. The previous
 * entry, not the previous outbox event: retention purges published outbox events (V8), the audit
 * trail never; the previous event is only the fallback for a transaction older than the audit trail
 * (V7). Only states: the event carries no description, metadata or bank detail (contract 8).
 */
public final class TransactionAuditStatements {

    /** The processor's changes: actor {@code system}. */
    public static final String BY_SYSTEM = statement("'system'");

    /** The gateway's PENDING row: actor the user who created the transaction (its user_id is the caller's sub). */
    public static final String BY_INITIATOR = statement("(SELECT t.user_id FROM transactions t WHERE t.id = :transactionId)");

    private static String statement(String actor) {
        return """
                INSERT INTO audit_log (actor, action, wallet_id, counterparty_wallet_id, transaction_id, before, after)
                SELECT %s,
                       CASE WHEN prev.state IS NULL THEN 'TRANSACTION_CREATED'
                            WHEN prev.state -> 'status' = e.payload -> 'status' THEN 'TRANSACTION_MONEY_MOVED'
                            ELSE 'TRANSACTION_STATUS_CHANGED' END,
                       :walletId, CAST(e.payload ->> 'counterpartyWalletId' AS uuid), :transactionId, prev.state,
                       jsonb_build_object('status', e.payload -> 'status', 'failureReason', e.payload -> 'failureReason',
                                          'postings', COALESCE(e.payload -> 'postings', '[]'::jsonb))
                FROM (SELECT CAST(:payload AS jsonb) AS payload) AS e
                LEFT JOIN LATERAL (
                    SELECT COALESCE(
                        (SELECT jsonb_build_object('status', a.after -> 'status', 'failureReason', a.after -> 'failureReason')
                         FROM audit_log a
                         WHERE a.transaction_id = :transactionId
                         ORDER BY a.id DESC
                         LIMIT 1),
                        (SELECT jsonb_build_object('status', o.payload -> 'status', 'failureReason', o.payload -> 'failureReason')
                         FROM outbox_events o
                         WHERE o.transaction_id = :transactionId AND o.event_id <> :eventId
                         ORDER BY o.sequence DESC
                         LIMIT 1)) AS state
                ) AS prev ON true
                """.formatted(actor);
    }

    private TransactionAuditStatements() {
    }
}
