package com.wallet.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's public GraphQL API as a client uses it: a JWT from bin/wallet token and HTTP. */
final class WalletApi {

    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REVERSED");
    private static final String TX_FIELDS = """
            id walletId counterpartyWalletId amount currency transactionType status failureReason
            description metadata stripePaymentIntentId stripeTransferId createdAt updatedAt""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI graphql = URI.create(System.getProperty("wallet.gateway", "http://127.0.0.1:8080") + "/graphql");

    /** Signs a token exactly as a user of the product would: through bin/wallet token. */
    String token(String user, boolean admin) {
        Path repo = Path.of(System.getProperty("wallet.repo", "..")).toAbsolutePath().normalize();
        List<String> command = admin
                ? List.of(repo.resolve("bin/wallet").toString(), "token", user, "--admin")
                : List.of(repo.resolve("bin/wallet").toString(), "token", user);
        try {
            Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("bin/wallet token failed with exit " + p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? json.createObjectNode()
                    : json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("gateway unreachable at " + graphql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response call(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post(token, json.writeValueAsString(body));
    }

    /** Runs an operation that must succeed and returns data.&lt;field&gt;. */
    JsonNode ok(String token, String field, String query, Map<String, Object> variables) {
        Response r = call(token, query, variables);
        if (r.status() != 200 || r.body().has("errors") && !r.body().get("errors").isEmpty()) {
            throw new AssertionError("expected success of " + field + ", got HTTP " + r.status() + ": " + r.body());
        }
        return r.body().path("data").path(field);
    }

    String createWallet(String token, String currency) {
        return ok(token, "createWallet", """
                mutation($c: String) { createWallet(input: {currency: $c, label: "e2e"}) { id balance currency isActive } }""",
                Map.of("c", currency)).path("id").asString();
    }

    JsonNode deposit(String token, String walletId, long amount, String paymentMethod, String idempotencyKey) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("amount", amount);
        input.put("paymentMethodId", paymentMethod);
        input.put("description", "e2e deposit");
        if (idempotencyKey != null) {
            input.put("idempotencyKey", idempotencyKey);
        }
        return ok(token, "deposit", "mutation($w: String!, $i: DepositInput!) { deposit(walletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "i", input));
    }

    Response transferCall(String token, String from, String to, long amount, String idempotencyKey) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("toWalletId", to);
        input.put("amount", amount);
        input.put("description", "e2e transfer");
        if (idempotencyKey != null) {
            input.put("idempotencyKey", idempotencyKey);
        }
        return call(token, "mutation($w: String!, $i: TransferInput!) { transfer(fromWalletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", from, "i", input));
    }

    JsonNode transfer(String token, String from, String to, long amount, String idempotencyKey) {
        Response r = transferCall(token, from, to, amount, idempotencyKey);
        if (r.status() != 200 || r.body().has("errors")) {
            throw new AssertionError("transfer refused: " + r.body());
        }
        return r.body().path("data").path("transfer");
    }

    JsonNode withdraw(String token, String walletId, long amount) {
        return ok(token, "withdraw", "mutation($w: String!, $i: WithdrawInput!) { withdraw(walletId: $w, input: $i) { "
                + TX_FIELDS + " } }", Map.of("w", walletId, "i", Map.of("amount", amount)));
    }

    JsonNode transaction(String token, String id) {
        return ok(token, "getTransaction", "query($id: String!) { getTransaction(id: $id) { " + TX_FIELDS + " } }",
                Map.of("id", id));
    }

    JsonNode awaitFinal(String token, String transactionId) {
        JsonNode[] last = new JsonNode[1];
        await("transaction " + transactionId + " reaches a final status")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = transaction(token, transactionId);
                    return FINAL.contains(last[0].path("status").asString());
                });
        return last[0];
    }

    long balance(String token, String walletId) {
        return ok(token, "getWallet", "query($id: String!) { getWallet(id: $id) { id balance } }",
                Map.of("id", walletId)).path("balance").asLong();
    }

    JsonNode history(String token, String walletId, int limit, int offset) {
        return ok(token, "getTransactionHistory", "query($w: String!, $l: Int, $o: Int) { "
                + "getTransactionHistory(walletId: $w, limit: $l, offset: $o) { " + TX_FIELDS + " } }",
                Map.of("w", walletId, "l", limit, "o", offset));
    }

    /** Funds a wallet through the real card path (emulator PaymentIntent + signed webhook). */
    void fund(String token, String walletId, long amount) {
        String id = deposit(token, walletId, amount, "pm_card_visa", null).path("id").asString();
        JsonNode done = awaitFinal(token, id);
        if (!"COMPLETED".equals(done.path("status").asString())) {
            throw new AssertionError("funding deposit did not complete: " + done);
        }
    }

    record Response(int status, JsonNode body) {

        String errorCode() {
            return body.path("errors").path(0).path("extensions").path("code").asString();
        }

        String classification() {
            return body.path("errors").path(0).path("extensions").path("classification").asString();
        }
    }
}
