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

    private OutboxStatements() {
    }
}
