package com.wallet.common.outbox;

/**
 * The one way an event enters outbox_events, shared by the gateway (PENDING) and the processor
 * (every later change). Named parameters: {@code eventId}, {@code transactionId}, {@code walletId},
 * {@code payload} (the event as JSON).
 *
 * <p>The per-wallet counter row is incremented in the same statement and stays locked until the
 * transaction commits, so the wallet's next event waits for this one: walletSequence order is
 * commit order, and it rises by exactly one (contract 6.6).
 */
public final class OutboxStatements {

    public static final String APPEND = """
            WITH next AS (
                INSERT INTO wallet_event_sequences AS s (wallet_id, last_sequence) VALUES (:walletId, 1)
                ON CONFLICT (wallet_id) DO UPDATE SET last_sequence = s.last_sequence + 1
                RETURNING last_sequence
            )
            INSERT INTO outbox_events (event_id, transaction_id, wallet_id, wallet_sequence, payload)
            SELECT :eventId, :transactionId, :walletId, next.last_sequence,
                   jsonb_set(CAST(:payload AS jsonb), '{walletSequence}', to_jsonb(next.last_sequence))
            FROM next
            """;

    /**
     * {@link #APPEND} for many events in one statement (arrays {@code eventIds}, {@code transactionIds},
     * {@code walletIds}, {@code payloads}): each wallet's counter goes up once by its number of
     * events, counters in ascending wallet order (two batches wait, never deadlock), and the events
     * of one wallet take consecutive walletSequences in array order.
     */
    public static final String APPEND_ALL = """
            WITH input AS (
                SELECT e.*, row_number() OVER (PARTITION BY e.wallet_id ORDER BY e.ord) AS nth,
                       count(*) OVER (PARTITION BY e.wallet_id) AS n
                FROM unnest(CAST(:eventIds AS uuid[]), CAST(:transactionIds AS uuid[]), CAST(:walletIds AS uuid[]),
                            CAST(:payloads AS text[])) WITH ORDINALITY AS e(event_id, transaction_id, wallet_id, payload, ord)
            ), bumped AS (
                INSERT INTO wallet_event_sequences AS s (wallet_id, last_sequence)
                SELECT wallet_id, max(n) FROM input GROUP BY wallet_id ORDER BY wallet_id
                ON CONFLICT (wallet_id) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence
                RETURNING wallet_id, last_sequence
            )
            INSERT INTO outbox_events (event_id, transaction_id, wallet_id, wallet_sequence, payload)
            SELECT i.event_id, i.transaction_id, i.wallet_id, b.last_sequence - i.n + i.nth,
                   jsonb_set(CAST(i.payload AS jsonb), '{walletSequence}', to_jsonb(b.last_sequence - i.n + i.nth))
            FROM input i JOIN bumped b ON b.wallet_id = i.wallet_id
            ORDER BY i.ord
            """;

    /** The channel the outbox relay LISTENs on; a writer NOTIFYs it in its transaction (delivered at commit). */
    public static final String CHANNEL = "wallet_outbox";
    public static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

    private OutboxStatements() {
    }
}
