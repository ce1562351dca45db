package com.wallet.common.messaging;

import com.wallet.common.money.CurrencyCode;
import java.util.UUID;

final class Commands {

    private Commands() {
    }

    static void requireValid(UUID transactionId, UUID walletId, long amount, String currency) {
        if (transactionId == null || walletId == null) {
            throw new IllegalArgumentException("transactionId and walletId are required");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        CurrencyCode.of(currency);
    }
}
