package com.wallet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL requests to the gateway over HTTP/1.1 with a bearer token: mutations answer the new
 * transaction's id, reads the queried object.
 */
final class GraphQlClient {

    static final String TRANSFER =
            "mutation($w:String!,$in:TransferInput!){transfer(fromWalletId:$w,input:$in){id status}}";
    static final String DEPOSIT =
            "mutation($w:String!,$in:DepositInput!){deposit(walletId:$w,input:$in){id status}}";

    static final String GET_WALLET = "query($id:String!){getWallet(id:$id){id balance currency isActive}}";
    static final String GET_TRANSACTION =
            "query($id:String!){getTransaction(id:$id){id status failureReason amount updatedAt}}";

    /** The gateway refused the mutation: HTTP status, the error's extensions.code, retryAfterMs when RATE_LIMITED. */
    static final class Refused extends Exception {

        private final String code;
        private final long retryAfterMs;

        Refused(int httpStatus, String code, long retryAfterMs) {
            super("HTTP " + httpStatus + (code.isEmpty() ? "" : " " + code));
            this.code = code;
            this.retryAfterMs = retryAfterMs;
        }

        String code() {
            return code;
        }

        long retryAfterMs() {
            return retryAfterMs;
        }
    }

    private final URI uri;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    GraphQlClient(String url) {
        this.uri = URI.create(url);
    }

    UUID transfer(String token, UUID from, UUID to, long amount, String idempotencyKey)
            throws IOException, InterruptedException, Refused {
        return mutate(token, "transfer", TRANSFER, Map.of("w", from.toString(),
                "in", Map.of("toWalletId", to.toString(), "amount", amount, "idempotencyKey", idempotencyKey)));
    }

    /**
     * The transfer without waiting for its answer (the open-loop GraphQL phase): completes with the
     * new transaction's id, or exceptionally with Refused or the I/O failure (in a CompletionException).
     */
    CompletableFuture<UUID> transferAsync(String token, UUID from, UUID to, long amount, String idempotencyKey) {
        HttpRequest request = request(token, TRANSFER, Map.of("w", from.toString(),
                "in", Map.of("toWalletId", to.toString(), "amount", amount, "idempotencyKey", idempotencyKey)));
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            try {
                return UUID.fromString(answer(response, "transfer").path("data").path("transfer").path("id").asString());
            } catch (Refused e) {
                throw new CompletionException(e);
            }
        });
    }

    UUID deposit(String token, UUID wallet, long amount, String paymentMethod, String idempotencyKey)
            throws IOException, InterruptedException, Refused {
        return mutate(token, "deposit", DEPOSIT, Map.of("w", wallet.toString(),
                "in", Map.of("amount", amount, "paymentMethodId", paymentMethod, "idempotencyKey", idempotencyKey,
                        "description", "bench treasury")));
    }

    /** {@code getWallet(id)}: the wallet's fields, or Refused (NOT_FOUND, UNAUTHORIZED, ...). */
    JsonNode wallet(String token, UUID id) throws IOException, InterruptedException, Refused {
        return read(token, "getWallet", GET_WALLET, id);
    }

    /** {@code getTransaction(id)}: what a client polls after a mutation until the status is final. */
    JsonNode transaction(String token, UUID id) throws IOException, InterruptedException, Refused {
        return read(token, "getTransaction", GET_TRANSACTION, id);
    }

    private JsonNode read(String token, String field, String query, UUID id)
            throws IOException, InterruptedException, Refused {
        JsonNode answer = send(token, field, query, Map.of("id", id.toString()));
        return answer.path("data").path(field);
    }

    private UUID mutate(String token, String field, String query, Map<String, Object> variables)
            throws IOException, InterruptedException, Refused {
        JsonNode answer = send(token, field, query, variables);
        return UUID.fromString(answer.path("data").path(field).path("id").asString());
    }

    /** The answer when HTTP 200 with {@code data.<field>.id} present; Refused otherwise. */
    private JsonNode send(String token, String field, String query, Map<String, Object> variables)
            throws IOException, InterruptedException, Refused {
        return answer(http.send(request(token, query, variables), HttpResponse.BodyHandlers.ofString()), field);
    }

    private HttpRequest request(String token, String query, Map<String, Object> variables) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
    }

    private JsonNode answer(HttpResponse<String> response, String field) throws Refused {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new Refused(response.statusCode(), "", 0);
        }
        String id = answer.path("data").path(field).path("id").asString("");
        if (response.statusCode() != 200 || id.isEmpty()) {
            JsonNode extensions = answer.path("errors").path(0).path("extensions");
            throw new Refused(response.statusCode(), extensions.path("code").asString(""),
                    extensions.path("retryAfterMs").asLong(0));
        }
        return answer;
    }
}
