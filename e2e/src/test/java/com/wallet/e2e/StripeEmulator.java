package com.wallet.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Stripe emulator's control API (outside /v1): faults, webhook inspection, refunds and reversals. */
final class StripeEmulator {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base = System.getProperty("wallet.stripe", "http://127.0.0.1:12111") + "/_emulator";

    void fault(Map<String, Object> fault) {
        post("/faults", fault);
    }

    void webhookFault(Map<String, Object> fault) {
        post("/webhooks/faults", fault);
    }

    void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(base + "/faults")).DELETE());
    }

    void refund(String paymentIntentId, long amount) {
        post("/payment_intents/" + paymentIntentId + "/refund", Map.of("amount", amount));
    }

    /** Opens a dispute on the PaymentIntent's charge; @return the dispute id */
    String dispute(String paymentIntentId, Long amount) {
        return json.readTree(post("/payment_intents/" + paymentIntentId + "/dispute",
                amount == null ? Map.of() : Map.of("amount", amount))).path("id").asString();
    }

    void closeDispute(String disputeId, String outcome) {
        post("/disputes/" + disputeId + "/close", Map.of("status", outcome));
    }

    /** Finishes (or fails) 3-D Secure of a requires_action PaymentIntent: Stripe then sends its webhook. */
    void authenticate(String paymentIntentId, boolean success) {
        post("/payment_intents/" + paymentIntentId + "/authenticate?success=" + success, Map.of());
    }

    void reverseTransfer(String transferId) {
        post("/transfers/" + transferId + "/reverse", Map.of());
    }

    /** Every webhook event the emulator has about this object. */
    List<JsonNode> webhooksFor(String objectId) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode event : get("/webhooks")) {
            if (objectId.equals(event.path("objectId").asString())) {
                matching.add(event);
            }
        }
        return matching;
    }

    /** PaymentIntents whose metadata names this transaction. */
    List<JsonNode> paymentIntentsOf(String transactionId) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode pi : get("/objects?type=payment_intent")) {
            if (transactionId.equals(pi.path("metadata").path("transaction_id").asString())) {
                matching.add(pi);
            }
        }
        return matching;
    }

    /** Transfers whose metadata names this transaction. */
    List<JsonNode> transfersOf(String transactionId) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode transfer : get("/objects?type=transfer")) {
            if (transactionId.equals(transfer.path("metadata").path("transaction_id").asString())) {
                matching.add(transfer);
            }
        }
        return matching;
    }

    private JsonNode get(String path) {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    private String post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("emulator control call answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Stripe emulator unreachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
