package com.wallet.common.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One state change of a transaction, published to wallet.transactions keyed by {@code walletId}
 * (schema version 1, see README "Topics"). Carries no description, metadata or bank details:
 * downstream analytics must never see sensitive fields.
 *
 * @param eventId  unique per state change; consumers de-duplicate on it
 * @param sequence the outbox position: increases with every event, so per-wallet order is checkable
 */
public record TransactionEvent(
        UUID eventId,
        long sequence,
        UUID transactionId,
        UUID walletId,
        UUID counterpartyWalletId,
        TransactionType type,
        TransactionStatus status,
        long amount,
        String currency,
        FailureReason failureReason,
        Instant occurredAt) {
}
