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

    private static final String ONE = """
            (SELECT CAST(:eventId AS uuid) AS event_id, CAST(:transactionId AS uuid) AS transaction_id,
                    CAST(:walletId AS uuid) AS wallet_id, CAST(:payload AS jsonb) AS payload, 1 AS ord)""";

    /** Arrays {@code eventIds}, {@code transactionIds}, {@code walletIds}, {@code payloads}: a batch's events, at most one per transaction. */
    private static final String MANY = """
            (SELECT u.event_id, u.transaction_id, u.wallet_id, CAST(u.payload AS jsonb) AS payload, u.ord
             FROM unnest(CAST(:eventIds AS uuid[]), CAST(:transactionIds AS uuid[]), CAST(:walletIds AS uuid[]),
                         CAST(:payloads AS text[])) WITH ORDINALITY AS u(event_id, transaction_id, wallet_id, payload, ord))""";

    /** The processor's changes: actor {@code system}. */
    public static final String BY_SYSTEM = statement("'system'", ONE);

    /** {@link #BY_SYSTEM} for the events of a batch ({@code OutboxStatements.APPEND_ALL}), in one statement. */
    public static final String BY_SYSTEM_ALL = statement("'system'", MANY);

    /** The gateway's PENDING row: actor the user who created the transaction (its user_id is the caller's sub). */
    public static final String BY_INITIATOR = statement("(SELECT t.user_id FROM transactions t WHERE t.id = e.transaction_id)", ONE);

    private static String statement(String actor, String events) {
        return """
                INSERT INTO audit_log (actor, action, wallet_id, counterparty_wallet_id, transaction_id, before, after)
                SELECT %s,
                       CASE WHEN prev.state IS NULL THEN 'TRANSACTION_CREATED'
                            WHEN prev.state -> 'status' = e.payload -> 'status' THEN 'TRANSACTION_MONEY_MOVED'
                            ELSE 'TRANSACTION_STATUS_CHANGED' END,
                       e.wallet_id, CAST(e.payload ->> 'counterpartyWalletId' AS uuid), e.transaction_id, prev.state,
                       jsonb_build_object('status', e.payload -> 'status', 'failureReason', e.payload -> 'failureReason',
                                          'postings', COALESCE(e.payload -> 'postings', '[]'::jsonb))
                FROM %s AS e
                LEFT JOIN LATERAL (
                    SELECT COALESCE(
                        (SELECT jsonb_build_object('status', a.after -> 'status', 'failureReason', a.after -> 'failureReason')
                         FROM audit_log a
                         WHERE a.transaction_id = e.transaction_id
                         ORDER BY a.id DESC
                         LIMIT 1),
                        (SELECT jsonb_build_object('status', o.payload -> 'status', 'failureReason', o.payload -> 'failureReason')
                         FROM outbox_events o
                         WHERE o.transaction_id = e.transaction_id AND o.event_id <> e.event_id
                         ORDER BY o.sequence DESC
                         LIMIT 1)) AS state
                ) AS prev ON true
                ORDER BY e.ord
                """.formatted(actor, events);
    }

    private TransactionAuditStatements() {
    }
}
