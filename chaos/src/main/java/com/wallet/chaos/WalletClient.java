package com.wallet.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** The gateway's public GraphQL API as a client uses it, with HS256 tokens like bin/wallet token. */
final class WalletClient {

    static final String TX_FIELDS = "id walletId amount status failureReason stripePaymentIntentId";

    /** What a mutation got: a transaction, a business refusal, or no usable answer (retry). */
    sealed interface Answer {
    }

    record Accepted(String id, String status) implements Answer {
    }

    record Refused(String code) implements Answer {
    }

    record Unanswered(String reason) implements Answer {
    }

    private final Http http;
    private final String graphqlUrl;
    private final String jwtSecret;

    WalletClient(Http http, String graphqlUrl, String jwtSecret) {
        this.http = http;
        this.graphqlUrl = graphqlUrl;
        this.jwtSecret = jwtSecret;
    }

    /** The key is the UTF-8 bytes of JWT_SECRET as given (bin/wallet token, bench). */
    String token(String userId) {
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + userId + "\",\"roles\":[\"USER\"],\"iat\":" + now
                + ",\"exp\":" + (now + 6 * 3600) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer createWallet(String token) {
        return mutation(token, "createWallet",
                "mutation { createWallet(input: {currency: \"USD\", label: \"chaos\"}) { id } }", Map.of());
    }

    Answer deposit(String token, String walletId, long amount, String paymentMethod, String key) {
        return mutation(token, "deposit", "mutation($w: String!, $i: DepositInput!) { deposit(walletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "i", Map.of("amount", amount, "paymentMethodId", paymentMethod,
                "description", "chaos deposit", "idempotencyKey", key)));
    }

    Answer transfer(String token, String from, String to, long amount, String key) {
        return mutation(token, "transfer", "mutation($w: String!, $i: TransferInput!) { transfer(fromWalletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", from, "i", Map.of("toWalletId", to, "amount", amount,
                "description", "chaos transfer", "idempotencyKey", key)));
    }

    Answer withdraw(String token, String walletId, long amount, String key) {
        return mutation(token, "withdraw", "mutation($w: String!, $i: WithdrawInput!) { withdraw(walletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "i", Map.of("amount", amount, "description", "chaos withdrawal",
                "idempotencyKey", key)));
    }

    /** The transaction as getTransaction shows it, or null without an answer. */
    JsonNode transaction(String token, String id) {
        try {
            Http.Reply reply = http.send("POST", graphqlUrl, body("query($id: String!) { getTransaction(id: $id) { "
                    + TX_FIELDS + " } }", Map.of("id", id)), token);
            JsonNode tx = reply.body().path("data").path("getTransaction");
            return reply.status() == 200 && tx.isObject() ? tx : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Answer mutation(String token, String field, String query, Map<String, Object> variables) {
        Http.Reply reply;
        try {
            reply = http.send("POST", graphqlUrl, body(query, variables), token);
        } catch (IOException e) {
            return new Unanswered(e.getClass().getSimpleName());
        }
        JsonNode errors = reply.body().path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = errors.path(0).path("extensions").path("code").asString("UNKNOWN");
            String classification = errors.path(0).path("extensions").path("classification").asString("");
            // INTERNAL_ERROR: the gateway could not answer (its database is down, say): ask again. So for
            // UNAVAILABLE (Redis down: nothing was accepted) and RATE_LIMITED (retryAfterMs): ask again, same key.
            if ("UNAVAILABLE".equals(code) || "RATE_LIMITED".equals(code)) {
                return new Unanswered(code);
            }
            return "INTERNAL_ERROR".equals(code) || "INTERNAL_ERROR".equals(classification)
                    ? new Unanswered("INTERNAL_ERROR") : new Refused(code);
        }
        JsonNode data = reply.body().path("data").path(field);
        if (reply.status() != 200 || !data.isObject()) {
            return new Unanswered("HTTP " + reply.status());
        }
        return new Accepted(data.path("id").asString(), data.path("status").asString(""));
    }

    private static Map<String, Object> body(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return body;
    }
}
