package com.wallet.common.messaging;

import java.util.UUID;

public record DepositFunds(UUID transactionId, UUID walletId, long amount, String currency,
                           String paymentMethodId) implements WalletCommand {

    public DepositFunds {
        Commands.requireValid(transactionId, walletId, amount, currency);
        if (paymentMethodId == null || paymentMethodId.isBlank()) {
            throw new IllegalArgumentException("paymentMethodId is required");
        }
    }

    @Override
    public TransactionType type() {
        return TransactionType.DEPOSIT;
    }
}
