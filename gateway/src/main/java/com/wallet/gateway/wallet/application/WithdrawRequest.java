package com.wallet.gateway.wallet.application;

import java.util.UUID;

/** A withdrawal to the wallet's Stripe account, as the client asked for it. */
public record WithdrawRequest(UUID walletId, long amount, String description, String idempotencyKey) {

    public static WithdrawRequest of(String walletId, Long amount, String description, String idempotencyKey) {
        return new WithdrawRequest(Inputs.id(walletId, "walletId"), amount == null ? 0 : amount,
                Inputs.optionalText(description, Inputs.MAX_DESCRIPTION, "description"),
                Inputs.optionalText(idempotencyKey, Inputs.MAX_IDEMPOTENCY_KEY, "idempotencyKey"));
    }
}
