package com.wallet.webhook.stripe.adapter.in.web;

import com.wallet.webhook.stripe.application.IngestStripeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook endpoint: the raw body (UTF-8) goes to verification untouched. */
@RestController
class StripeWebhookController {

    private final IngestStripeEvent ingest;

    StripeWebhookController(IngestStripeEvent ingest) {
        this.ingest = ingest;
    }

    @PostMapping(StripeWebhookWebConfiguration.PATH)
    ResponseEntity<Map<String, String>> receive(
            @RequestBody byte[] payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        return switch (ingest.ingest(new String(payload, StandardCharsets.UTF_8), signature)) {
            case PUBLISHED -> ResponseEntity.ok(Map.of("status", "published"));
            case DUPLICATE -> ResponseEntity.ok(Map.of("status", "duplicate"));
            case IGNORED -> ResponseEntity.ok(Map.of("status", "ignored"));
            case REJECTED -> ResponseEntity.badRequest().body(Map.of("error", "invalid webhook signature or payload"));
            case UNAVAILABLE -> ResponseEntity.status(503).body(Map.of("error", "event not stored, retry later"));
        };
    }
}
