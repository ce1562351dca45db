package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A transactions row as stored: the description still sealed. */
public record StoredTransaction(UUID id, UUID walletId, UUID counterpartyWalletId, String userId,
                                TransactionType type, TransactionStatus status, long amount, String currency,
                                String failureReason, byte[] sealedDescription, Map<String, Object> metadata,
                                String requestFingerprint, String stripePaymentIntentId,
                                String stripeTransferId, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "StoredTransaction[" + id + " " + type + " " + status + "]";
    }
}
