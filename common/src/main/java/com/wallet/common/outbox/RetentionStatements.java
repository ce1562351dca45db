package com.wallet.common.outbox;

/**
 * Deleting what is past every redelivery horizon (README "Retention"). Shared by the processor's
 * purge and the checker's tests, which must agree on what a purged outbox leaves behind.
 *
 * <p>{@link #PURGE_OUTBOX_EVENTS} deletes, per wallet, only a prefix of its walletSequence: rows
 * published before {@code :before} none of whose predecessors is unpublished or newer. What the
 * invariant checker needs of them stays in {@code outbox_purged}: per key wallet the last purged
 * walletSequence and its time, and per posted wallet the sum of the purged events' postings.
 * Named parameters: {@code before} (timestamp), {@code limit}. The answer is the number deleted.
 */
public final class RetentionStatements {

    public static final String PURGE_OUTBOX_EVENTS = """
            WITH doomed AS (
                SELECT o.sequence FROM outbox_events o
                WHERE o.published_at < :before AND o.wallet_sequence IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox_events e
                                  WHERE e.wallet_id = o.wallet_id AND e.wallet_sequence < o.wallet_sequence
                                    AND (e.published_at IS NULL OR e.published_at >= :before))
                ORDER BY o.wallet_id, o.wallet_sequence
                LIMIT :limit
            ), deleted AS (
                DELETE FROM outbox_events WHERE sequence IN (SELECT sequence FROM doomed)
                RETURNING wallet_id, wallet_sequence, created_at, payload
            ), keyed AS (
                SELECT wallet_id, max(wallet_sequence) AS through, max(created_at) AS through_created
                FROM deleted GROUP BY wallet_id
            ), posted AS (
                SELECT CAST(p ->> 'walletId' AS uuid) AS wallet_id, sum(CAST(p ->> 'amount' AS bigint)) AS amount
                FROM deleted CROSS JOIN LATERAL jsonb_array_elements(COALESCE(deleted.payload -> 'postings', '[]'::jsonb)) AS p
                GROUP BY 1
            ), merged AS (
                SELECT COALESCE(k.wallet_id, p.wallet_id) AS wallet_id, COALESCE(k.through, 0) AS through,
                       k.through_created, COALESCE(p.amount, 0) AS amount
                FROM keyed k FULL JOIN posted p ON p.wallet_id = k.wallet_id
            ), saved AS (
                INSERT INTO outbox_purged AS s (wallet_id, through_sequence, through_created_at, postings)
                SELECT wallet_id, through, through_created, amount FROM merged
                ON CONFLICT (wallet_id) DO UPDATE SET
                    through_sequence = GREATEST(s.through_sequence, EXCLUDED.through_sequence),
                    through_created_at = GREATEST(s.through_created_at, EXCLUDED.through_created_at),
                    postings = s.postings + EXCLUDED.postings,
                    updated_at = now()
            )
            SELECT count(*) FROM deleted
            """;

    /** Published command_outbox rows (never an unpublished one). Parameters: before, limit. */
    public static final String PURGE_COMMAND_OUTBOX = """
            DELETE FROM command_outbox WHERE command_id IN (
                SELECT command_id FROM command_outbox
                WHERE published_at IS NOT NULL AND published_at < :before
                LIMIT :limit)
            """;

    public static final String PURGE_PROCESSED_COMMANDS = """
            DELETE FROM processed_commands WHERE command_id IN (
                SELECT command_id FROM processed_commands WHERE processed_at < :before LIMIT :limit)
            """;

    public static final String PURGE_PROCESSED_STRIPE_EVENTS = """
            DELETE FROM processed_stripe_events WHERE event_id IN (
                SELECT event_id FROM processed_stripe_events WHERE processed_at < :before LIMIT :limit)
            """;

    private RetentionStatements() {
    }
}
