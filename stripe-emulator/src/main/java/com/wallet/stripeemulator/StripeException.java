package com.wallet.stripeemulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Stripe API error, rendered as {@code {"error":{...}}} with its HTTP status. */
final class StripeException extends RuntimeException {

    private final int status;
    private final Map<String, Object> error = new LinkedHashMap<>();

    private StripeException(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        error.put("type", type);
        error.put("code", code);
        error.put("decline_code", null);
        error.put("param", param);
        error.put("message", message);
    }

    static StripeException invalid(String code, String param, String message) {
        return new StripeException(400, "invalid_request_error", code, param, message);
    }

    static StripeException missing(String object, String id) {
        return new StripeException(404, "invalid_request_error", "resource_missing", "id",
                "No such " + object + ": '" + id + "'");
    }

    static StripeException unexpectedState(String object, String status) {
        return invalid(object + "_unexpected_state", null,
                "This " + object.replace('_', ' ') + " has a status of " + status
                        + ", which does not allow this action.");
    }

    static StripeException declined(String code, String declineCode, Map<String, Object> paymentIntent) {
        StripeException e = new StripeException(402, "card_error", code, null, "Your card was declined.");
        e.error.put("decline_code", declineCode);
        e.error.put("payment_intent", paymentIntent);
        return e;
    }

    static StripeException of(int status, String type, String code, String message) {
        return new StripeException(status, type, code, null, message);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return Map.of("error", error);
    }
}
