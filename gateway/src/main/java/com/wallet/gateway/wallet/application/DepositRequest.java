package com.wallet.gateway.wallet.application;

import java.util.UUID;
import java.util.regex.Pattern;

/** A deposit as the client asked for it, with its format checked; the amount limit is the service's. */
public record DepositRequest(UUID walletId, long amount, String paymentMethodId, String description,
                             String idempotencyKey) {

    public static final String DEFAULT_PAYMENT_METHOD = "pm_card_visa";
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,120}");

    public static DepositRequest of(String walletId, Long amount, String paymentMethodId, String description,
                                    String idempotencyKey) {
        String method = paymentMethodId == null || paymentMethodId.isBlank() ? DEFAULT_PAYMENT_METHOD
                : Inputs.matching(paymentMethodId, PAYMENT_METHOD, "paymentMethodId");
        return new DepositRequest(Inputs.id(walletId, "walletId"), amount == null ? 0 : amount, method,
                Inputs.optionalText(description, Inputs.MAX_DESCRIPTION, "description"),
                Inputs.optionalText(idempotencyKey, Inputs.MAX_IDEMPOTENCY_KEY, "idempotencyKey"));
    }
}
