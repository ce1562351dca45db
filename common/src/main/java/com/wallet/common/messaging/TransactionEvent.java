package com.wallet.common.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One state change of a transaction, or one movement of its money (a refund, a dispute, a
 * reversal), published to wallet.transactions keyed by {@code walletId} (schema version 2, see
 * README "Topics" and {@code wallet-transaction-event.schema.json}). Carries no description,
 * metadata or bank details: downstream analytics must never see sensitive fields.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param sequence       the outbox position, stamped by the relay
 * @param walletSequence rises by exactly 1 among the events keyed by one wallet, stamped by the
 *                       database when the event is appended: a consumer tells a gap from a duplicate
 * @param postings       what this event posted to each wallet (empty when it moved no money); folding
 *                       them per wallet over the topic gives the balances
 */
public record TransactionEvent(
        int schemaVersion,
        UUID eventId,
        long sequence,
        long walletSequence,
        UUID transactionId,
        UUID walletId,
        UUID counterpartyWalletId,
        TransactionType type,
        TransactionStatus status,
        long amount,
        String currency,
        FailureReason failureReason,
        List<WalletPosting> postings,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 2;

    public TransactionEvent {
        postings = postings == null ? List.of() : List.copyOf(postings);
    }

    /** A new event to append; the database and the relay stamp the two sequences. */
    public static TransactionEvent of(UUID transactionId, UUID walletId, UUID counterpartyWalletId, TransactionType type,
                                      TransactionStatus status, long amount, String currency,
                                      FailureReason failureReason, List<WalletPosting> postings, Instant occurredAt) {
        return new TransactionEvent(SCHEMA_VERSION, UUID.randomUUID(), 0L, 0L, transactionId, walletId,
                counterpartyWalletId, type, status, amount, currency, failureReason, postings, occurredAt);
    }
}
