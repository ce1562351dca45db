package com.wallet.gateway.wallet.application;

import java.util.UUID;
import java.util.regex.Pattern;

/** Checks of client input shared by the request records; each failure is an INVALID_ARGUMENT. */
final class Inputs {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private Inputs() {
    }

    static UUID id(String raw, String field) {
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) {
            throw RequestRejected.invalid(field + " is not a valid id");
        }
        return UUID.fromString(raw);
    }

    /** Blank becomes absent; longer than {@code max} characters is rejected. */
    static String optionalText(String raw, int max, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max) {
            throw RequestRejected.invalid(field + " is longer than " + max + " characters");
        }
        return raw;
    }

    static String requiredText(String raw, int max, String field) {
        String value = optionalText(raw, max, field);
        if (value == null) {
            throw RequestRejected.invalid(field + " is required");
        }
        return value;
    }

    static String matching(String raw, Pattern pattern, String field) {
        if (raw == null) {
            return null;
        }
        if (!pattern.matcher(raw).matches()) {
            throw RequestRejected.invalid(field + " has an invalid format");
        }
        return raw;
    }

    static final int MAX_PAGE = 100;

    /** A page size: absent means 20; outside 1..{@value #MAX_PAGE} is rejected. */
    static int limit(Integer limit) {
        int pageSize = limit == null ? 20 : limit;
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw RequestRejected.invalid("limit must be between 1 and " + MAX_PAGE);
        }
        return pageSize;
    }

    static int offset(Integer offset) {
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw RequestRejected.invalid("offset must not be negative");
        }
        return skip;
    }

    static long amount(Long amount, long maximum) {
        if (amount == null || amount <= 0 || amount > maximum) {
            throw new RequestRejected(RejectionCode.INVALID_AMOUNT,
                    "amount must be between 1 and " + maximum + " minor units");
        }
        return amount;
    }
}
