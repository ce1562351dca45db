package com.wallet.common.messaging;

import com.wallet.common.observability.RequestId;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the fields settlement needs straight from the event JSON, whatever its {@code api_version}
 * (stripe-java's typed deserializer gives up on another release train's events). webhook-ingest
 * uses it on verified webhooks; tests use it to turn the emulator's webhooks into the same message.
 */
public final class StripeEventParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEventParser() {
    }

    /** The message, or empty when the JSON is not an event with an id, a type and an object id. */
    public static Optional<StripeEventMessage> parse(String payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        JsonNode object = event.path("data").path("object");
        String eventId = text(event, "id");
        String type = text(event, "type");
        String objectId = text(object, "id");
        if (eventId == null || type == null || objectId == null) {
            return Optional.empty();
        }
        JsonNode metadata = object.path("metadata");
        JsonNode error = object.path("last_payment_error");
        return Optional.of(new StripeEventMessage(
                eventId,
                type,
                objectId,
                "payment_intent".equals(text(object, "object")) ? objectId : text(object, "payment_intent"),
                text(metadata, "wallet_id"),
                text(metadata, "transaction_id"),
                object.path(amountField(type)).asLong(0),
                text(object, "currency"),
                firstOf(text(error, "code"), text(error, "decline_code"), text(object, "failure_code")),
                event.path("created").asLong(0),
                text(object, "status")));
    }

    /**
     * The event object's metadata {@code request_id} (the request that made the PaymentIntent or
     * Transfer, contract 5), or null when absent or not a usable request id. Only for logs and
     * headers: it moves nothing, so it is not part of the sealed message.
     */
    public static String requestId(String payload) {
        try {
            String id = text(JSON.readTree(payload).path("data").path("object").path("metadata"),
                    RequestId.STRIPE_METADATA);
            return RequestId.isValid(id) ? id : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Refunds and reversals carry the cumulative amount taken back, so a late or repeated event adds nothing. */
    private static String amountField(String type) {
        return switch (type) {
            case "charge.refunded" -> "amount_refunded";
            case "transfer.reversed" -> "amount_reversed";
            default -> "amount";
        };
    }
}
