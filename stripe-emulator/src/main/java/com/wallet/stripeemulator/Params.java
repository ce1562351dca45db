package com.wallet.stripeemulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form-encoded parameters of one request; nested keys stay flat ({@code metadata[wallet_id]}). */
record Params(Map<String, String> values) {

    String string(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw StripeException.invalid("parameter_missing", name, "Missing required param: " + name + ".");
        }
        return value;
    }

    Long optionalAmount(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            long amount = Long.parseLong(value);
            if (amount > 0) {
                return amount;
            }
        } catch (NumberFormatException ignored) {
            // answered below as Stripe does
        }
        throw StripeException.invalid("parameter_invalid_integer", name,
                "Invalid positive integer: " + name + ".");
    }

    long requiredAmount(String name) {
        requiredString(name);
        return optionalAmount(name);
    }

    String currency() {
        String currency = requiredString("currency").toLowerCase();
        if (!currency.matches("[a-z]{3}")) {
            throw StripeException.invalid("parameter_invalid_string", "currency", "Invalid currency: " + currency + ".");
        }
        return currency;
    }

    boolean flag(String name) {
        return "true".equals(values.get(name));
    }

    Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        return metadata;
    }
}
