package com.wallet.common.messaging;

import java.util.UUID;

public record WithdrawFunds(UUID transactionId, UUID walletId, long amount, String currency)
        implements WalletCommand {

    public WithdrawFunds {
        Commands.requireValid(transactionId, walletId, amount, currency);
    }

    @Override
    public TransactionType type() {
        return TransactionType.WITHDRAWAL;
    }
}
