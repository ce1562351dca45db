package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A transaction as the API shows it; {@code description} is decrypted for its owner only. */
public record Transaction(UUID id, UUID walletId, UUID counterpartyWalletId, long amount, String currency,
                          TransactionType transactionType, TransactionStatus status, String failureReason,
                          String description, Map<String, Object> metadata, String stripePaymentIntentId,
                          String stripeTransferId, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "Transaction[" + id + " " + transactionType + " " + status + "]";
    }
}
