package com.wallet.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhooks to webhook-ingest signed as Stripe signs them ({@code t=...,v1=HMAC-SHA256(secret,
 * "t.payload")}) with the local STRIPE_WEBHOOK_SECRET: what anyone holding that secret, or Stripe
 * itself reporting something odd, could send.
 */
final class SignedWebhooks {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url = System.getProperty("wallet.webhooks", "http://127.0.0.1:8082") + "/webhooks/stripe";
    private final String secret = System.getenv().getOrDefault("STRIPE_WEBHOOK_SECRET", "whsec_local");

    /** @return the HTTP status webhook-ingest answered */
    int post(String payload) throws IOException, InterruptedException {
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + timestamp + ",v1=" + sign(timestamp + "." + payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String sign(String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
