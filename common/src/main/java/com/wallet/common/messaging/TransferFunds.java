package com.wallet.common.messaging;

import java.util.UUID;

public record TransferFunds(UUID transactionId, UUID walletId, UUID toWalletId, long amount, String currency)
        implements WalletCommand {

    public TransferFunds {
        Commands.requireValid(transactionId, walletId, amount, currency);
        if (toWalletId == null) {
            throw new IllegalArgumentException("toWalletId is required");
        }
        if (toWalletId.equals(walletId)) {
            throw new IllegalArgumentException("a transfer needs two different wallets");
        }
    }

    @Override
    public TransactionType type() {
        return TransactionType.TRANSFER;
    }
}
