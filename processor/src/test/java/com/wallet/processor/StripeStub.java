package com.wallet.processor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal stand-in for the Stripe API on a random loopback port (the real emulator module was not
 * available when these tests were written): PaymentIntents and Transfers with Stripe's test payment
 * methods (retrieve and cancel too), Transfers (create, retrieve, list by transfer_group), replay
 * by idempotency key, a destination that always fails with HTTP 500 (ambiguous: Stripe may have
 * paid) and one that is refused with HTTP 400 (definitive: Stripe did nothing).
 */
public final class StripeStub {

    public static final String FAILING_DESTINATION = "acct_always_500";
    public static final String REFUSED_DESTINATION = "acct_refused_400";
    private static StripeStub instance;

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Response> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** PaymentIntent id -> {amount, currency, status} */
    private final Map<String, String[]> intents = new ConcurrentHashMap<>();
    /** Transfer id -> its JSON, and transfer_group -> Transfer id */
    private final Map<String, String> transfers = new ConcurrentHashMap<>();
    private final Map<String, String> transferGroups = new ConcurrentHashMap<>();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private volatile String forwardTo;

    public record Request(String path, String idempotencyKey, Map<String, String> form, String method) {
    }

    private record Response(int status, String body) {
    }

    private StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized StripeStub get() {
        if (instance == null) {
            try {
                instance = new StripeStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sends every request on to a real Stripe emulator at {@code baseUrl} (null: answer here). */
    public void forwardTo(String baseUrl) {
        this.forwardTo = baseUrl;
    }

    /** Every request so far to a path (GETs included: they carry no metadata). */
    public List<Request> requestsTo(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public List<Request> requestsFor(String transactionId) {
        return requests.stream().filter(r -> transactionId.equals(r.form().get("metadata[transaction_id]"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parse(body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form.putAll(parse(query));
        }
        requests.add(new Request(path, key, form, method));
        String target = forwardTo;
        Response response = target != null ? forward(target, exchange, body) : key == null ? respond(method, path, form)
                : byIdempotencyKey.computeIfAbsent(path + "|" + key, k -> respond(method, path, form));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Response forward(String target, HttpExchange exchange, String body) throws IOException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), java.net.http.HttpRequest.BodyPublishers.ofString(body));
        for (String header : List.of("Authorization", "Idempotency-Key", "Content-Type", "Stripe-Version")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            var answer = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Response respond(String method, String path, Map<String, String> form) {
        int n = ids.incrementAndGet();
        if (method.equals("GET") && path.equals("/v1/transfers")) {
            String id = transferGroups.get(form.getOrDefault("transfer_group", ""));
            return new Response(200, """
                    {"object":"list","has_more":false,"url":"/v1/transfers","data":[%s]}"""
                    .formatted(id == null ? "" : transfers.get(id)));
        }
        if (method.equals("GET") && path.startsWith("/v1/transfers/")) {
            String transfer = transfers.get(path.substring("/v1/transfers/".length()));
            return transfer != null ? new Response(200, transfer) : new Response(404, """
                    {"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such transfer"}}""");
        }
        if (path.startsWith("/v1/payment_intents/")) {
            return existingIntent(path);
        }
        if (path.equals("/v1/payment_intents")) {
            String id = "pi_stub_" + UUID.randomUUID().toString().replace("-", "");
            String pm = form.getOrDefault("payment_method", "");
            if (pm.startsWith("pm_card_chargeDeclined")) {
                return new Response(402, """
                        {"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline",
                        "message":"Your card was declined.","payment_intent":{"id":"%s","object":"payment_intent",
                        "status":"requires_payment_method"}}}""".formatted(id));
            }
            String status = pm.equals("pm_card_threeDSecure2Required") ? "requires_action" : "succeeded";
            intents.put(id, new String[] {form.get("amount"), form.get("currency"), status});
            return intent(id);
        }
        if (path.equals("/v1/transfers")) {
            if (FAILING_DESTINATION.equals(form.get("destination"))) {
                return new Response(500, """
                        {"error":{"type":"api_error","message":"stub failure"}}""");
            }
            if (REFUSED_DESTINATION.equals(form.get("destination"))) {
                return new Response(400, """
                        {"error":{"type":"invalid_request_error","code":"resource_missing","param":"destination",
                        "message":"No such destination"}}""");
            }
            String id = "tr_stub_" + UUID.randomUUID().toString().replace("-", "");
            String transfer = """
                    {"id":"%s","object":"transfer","amount":%s,"amount_reversed":0,"currency":"%s","destination":"%s",
                    "transfer_group":"%s","metadata":{"transaction_id":"%s","wallet_id":"%s"}}"""
                    .formatted(id, form.get("amount"), form.get("currency"), form.get("destination"),
                            form.getOrDefault("transfer_group", ""), form.getOrDefault("metadata[transaction_id]", ""),
                            form.getOrDefault("metadata[wallet_id]", ""));
            transfers.put(id, transfer);
            if (form.get("transfer_group") != null) {
                transferGroups.put(form.get("transfer_group"), id);
            }
            return new Response(200, transfer);
        }
        return new Response(404, """
                {"error":{"type":"invalid_request_error","message":"unknown path"}}""");
    }

    /** GET /v1/payment_intents/{id} and POST /v1/payment_intents/{id}/cancel (requires_action only). */
    private Response existingIntent(String path) {
        String[] parts = path.split("/");
        String id = parts[3];
        String[] intent = intents.get(id);
        if (intent == null) {
            return new Response(404, """
                    {"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such payment_intent"}}""");
        }
        if (parts.length == 5 && parts[4].equals("cancel")) {
            if (!intent[2].startsWith("requires_")) {
                return new Response(400, """
                        {"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state","message":"cannot cancel"}}""");
            }
            intent[2] = "canceled";
        }
        return intent(id);
    }

    private Response intent(String id) {
        String[] intent = intents.get(id);
        return new Response(200, """
                {"id":"%s","object":"payment_intent","amount":%s,"currency":"%s","status":"%s"}"""
                .formatted(id, intent[0], intent[1], intent[2]));
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
