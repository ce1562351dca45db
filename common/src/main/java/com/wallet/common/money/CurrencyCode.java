package com.wallet.common.money;

import java.util.Currency;
import java.util.Locale;

/** An ISO-4217 alphabetic currency code, upper case, known to the JDK. */
public record CurrencyCode(String value) {

    public CurrencyCode {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter ISO-4217 code");
        }
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency: " + value);
        }
    }

    /** Accepts any case ("usd", "USD"); Stripe speaks lower case, the ledger upper case. */
    public static CurrencyCode of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("currency must be a three-letter ISO-4217 code");
        }
        return new CurrencyCode(value.trim().toUpperCase(Locale.ROOT));
    }

    public String lowerCase() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
