package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.util.UUID;

/** A row of {@code transactions} as the processor needs it (payment method still encrypted). */
public record TransactionRecord(
        UUID id,
        UUID walletId,
        UUID counterpartyWalletId,
        TransactionType type,
        TransactionStatus status,
        long amount,
        String currency,
        FailureReason failureReason,
        byte[] sealedPaymentMethod,
        String stripePaymentIntentId,
        String stripeTransferId) {
}
