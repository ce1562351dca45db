package com.wallet.stripeemulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's request envelope around every {@code /v1} call: {@code Request-Id}, API key check,
 * queued {@link Fault}s, and the idempotency store (replay with {@code Idempotent-Replayed: true},
 * 400 {@code idempotency_error} for other parameters, 409 while the first request runs). A request
 * that may change state runs its work and saves its idempotent answer as one
 * {@link EmulatorState#change}: both are in the state file before anything is answered, and no
 * fault's pause is spent inside it.
 */
class StripeApiFilter extends OncePerRequestFilter {

    private final EmulatorProperties properties;
    private final Faults faults;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final EmulatorState state;

    StripeApiFilter(EmulatorProperties properties, Faults faults, IdempotencyStore idempotency, JsonMapper json,
                    EmulatorState state) {
        this.properties = properties;
        this.faults = faults;
        this.idempotency = idempotency;
        this.json = json;
        this.state = state;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Request-Id", Ids.next("req"));
        if (!authorized(request.getHeader("Authorization"))) {
            write(response, 401, StripeException.of(401, "invalid_request_error", null,
                    "Invalid API Key provided.").body());
            return;
        }
        Optional<Fault> fault = faults.take(request.getMethod(), request.getRequestURI());
        if (fault.isPresent() && fault.get().before()) {
            failBefore(response, fault.get());
            return;
        }
        String key = request.getHeader("Idempotency-Key");
        if (!"POST".equals(request.getMethod()) || key == null) {
            run(request, response, chain, fault, null, null);
            return;
        }
        String account = Optional.ofNullable(request.getHeader("Stripe-Account")).orElse("self");
        String slot = String.join(" ", account, request.getMethod(), request.getRequestURI(), key);
        String fingerprint = new TreeMap<>(request.getParameterMap()).entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .reduce("", (a, b) -> a + "&" + b);
        IdempotencyStore.Entry first = idempotency.claim(slot, fingerprint);
        if (first == null) {
            run(request, response, chain, fault, slot, fingerprint);
        } else if (!first.fingerprint().equals(fingerprint)) {
            write(response, 400, StripeException.of(400, "idempotency_error", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first "
                            + "used with. Try using a key other than '" + key + "' if you meant to execute a "
                            + "different request.").body());
        } else if (first.response() == null) {
            write(response, 409, StripeException.of(409, "invalid_request_error", "idempotency_key_in_use",
                    "There is currently another in-progress request using this Idempotent Key (that probably "
                            + "means you submitted twice, and the other request is still going through): "
                            + key + ". Please try again later.").body());
        } else {
            response.setHeader("Idempotent-Replayed", "true");
            respond(response, first.response().status(), first.response().body(), fault);
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                     Optional<Fault> fault, String slot, String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        if (fault.filter(f -> f.kind().equals("stall")).isPresent()) {
            pause(fault.get().delayMs());
        }
        try {
            if (DurableRequestFilter.changes(request)) {
                DurableRequestFilter.asChange(state, () -> work(request, captured, chain, slot, fingerprint));
            } else {
                work(request, captured, chain, slot, fingerprint);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            if (slot != null) {
                idempotency.release(slot);
            }
            throw e;
        }
        respond(response, captured.getStatus(), captured.getContentAsByteArray(), fault);
    }

    /** The endpoint's work and, for an idempotent request, its saved answer. */
    private void work(HttpServletRequest request, ContentCachingResponseWrapper captured, FilterChain chain,
                      String slot, String fingerprint) throws ServletException, IOException {
        chain.doFilter(request, captured);
        if (slot != null) {
            idempotency.complete(slot, fingerprint, captured.getStatus(), captured.getContentAsByteArray());
        }
    }

    /** Answers the committed work, unless a fault says to answer otherwise. */
    private void respond(HttpServletResponse response, int status, byte[] body, Optional<Fault> fault)
            throws IOException {
        String kind = fault.map(Fault::kind).orElse("none");
        if (kind.equals("error_after")) {
            write(response, 500, StripeException.of(500, "api_error", null, "An unknown error occurred").body());
            return;
        }
        if (kind.equals("slow")) {
            pause(fault.get().delayMs());
        }
        if (kind.equals("drop")) {
            DroppedConnections.drop(response);
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void failBefore(HttpServletResponse response, Fault fault) throws IOException {
        switch (fault.kind()) {
            case "rate_limit" -> {
                if (fault.shouldRetry()) {
                    response.setHeader("Stripe-Should-Retry", "true");
                }
                write(response, 429, StripeException.of(429, "invalid_request_error", "rate_limit",
                        "Too many requests hit the API too quickly.").body());
            }
            case "decline" -> write(response, 402, StripeException.declined("card_declined",
                    fault.declineCode() == null ? "generic_decline" : fault.declineCode(), null).body());
            default -> write(response, 500, StripeException.of(500, "api_error", null,
                    "An unknown error occurred").body());
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring(7).trim().equals(properties.secretKey());
        }
        if (!authorization.startsWith("Basic ")) {
            return false;
        }
        try {
            String user = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return user.equals(properties.secretKey()) || user.equals(properties.secretKey() + ":");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        respond(response, status, json.writeValueAsBytes(body), Optional.empty());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
