package com.wallet.gateway.wallet.application;

import java.util.UUID;

/** A transfer between two wallets, as the client asked for it. */
public record TransferRequest(UUID fromWalletId, UUID toWalletId, long amount, String description,
                              String idempotencyKey) {

    public static TransferRequest of(String fromWalletId, String toWalletId, Long amount, String description,
                                     String idempotencyKey) {
        return new TransferRequest(Inputs.id(fromWalletId, "fromWalletId"), Inputs.id(toWalletId, "toWalletId"),
                amount == null ? 0 : amount,
                Inputs.optionalText(description, Inputs.MAX_DESCRIPTION, "description"),
                Inputs.optionalText(idempotencyKey, Inputs.MAX_IDEMPOTENCY_KEY, "idempotencyKey"));
    }
}
