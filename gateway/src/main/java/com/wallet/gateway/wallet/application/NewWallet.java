package com.wallet.gateway.wallet.application;

import java.util.UUID;

/** The row written by createWallet: balance 0, active; bank details sealed. */
public record NewWallet(UUID id, String userId, String currency, String label, byte[] sealedBankDetails,
                        String stripeAccountId) {

    @Override
    public String toString() {
        return "NewWallet[" + id + "]";
    }
}
