package com.wallet.gateway.wallet.application;

import com.wallet.common.money.CurrencyCode;
import java.util.regex.Pattern;

/** A new wallet: currency (ISO-4217, default USD), optional label, bank details and Stripe account. */
public record CreateWalletRequest(CurrencyCode currency, String label, BankDetails bankDetails,
                                  String stripeAccountId) {

    static final int MAX_LABEL = 100;
    private static final Pattern STRIPE_ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{1,64}");

    public static CreateWalletRequest of(String currency, String label, BankDetails bankDetails,
                                         String stripeAccountId) {
        CurrencyCode code;
        try {
            code = currency == null ? new CurrencyCode("USD") : CurrencyCode.of(currency);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("currency must be an ISO-4217 code");
        }
        return new CreateWalletRequest(code, Inputs.optionalText(label, MAX_LABEL, "label"), bankDetails,
                stripeAccountId == null || stripeAccountId.isBlank() ? null
                        : Inputs.matching(stripeAccountId, STRIPE_ACCOUNT, "stripeAccountId"));
    }

    /** Bank details: encrypted at rest, never returned. */
    public record BankDetails(String bankName, String accountName, String accountNumber, String bankId) {

        static final int MAX_FIELD = 140;

        public static BankDetails of(String bankName, String accountName, String accountNumber, String bankId) {
            return new BankDetails(
                    Inputs.optionalText(bankName, MAX_FIELD, "bankDetails.bankName"),
                    Inputs.requiredText(accountName, MAX_FIELD, "bankDetails.accountName"),
                    Inputs.requiredText(accountNumber, 64, "bankDetails.accountNumber"),
                    Inputs.optionalText(bankId, 64, "bankDetails.bankId"));
        }

        @Override
        public String toString() {
            return "BankDetails[redacted]";
        }
    }
}
