package com.wallet.webhook.stripe.application;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.observability.RequestId;
import com.wallet.common.messaging.StripeEventParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook delivery: verify the signature over the raw body, drop types the wallet does not use
 * and event ids already published, publish to stripe.events keyed by wallet id (else object id),
 * and remember the id only once Kafka acknowledged it.
 */
public class IngestStripeEvent {

    /** The event types settlement acts on (contract section 7). */
    static final Set<String> HANDLED_TYPES = Set.of(
            "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.requires_action",
            "charge.refunded", "charge.dispute.created", "charge.dispute.closed",
            "charge.dispute.funds_reinstated", "transfer.created", "transfer.reversed",
            "payout.paid", "payout.failed");

    private static final Logger log = LoggerFactory.getLogger(IngestStripeEvent.class);

    private final StripeWebhookProperties properties;
    private final StripeEvents events;
    private final PublishedEvents published;
    private final MeterRegistry meters;

    public IngestStripeEvent(StripeWebhookProperties properties, StripeEvents events, PublishedEvents published,
                             MeterRegistry meters) {
        this.properties = properties;
        this.events = events;
        this.published = published;
        this.meters = meters;
    }

    /**
     * Counted as wallet.webhooks.refused{reason} (missing_signature, bad_signature,
     * malformed, not_an_event)
     * or wallet.webhooks.verified, then wallet.webhooks.ingested{result} (PUBLISHED, DUPLICATE: de-duplicated,
     * IGNORED, UNAVAILABLE).
     */
    public IngestResult ingest(String payload, String signatureHeader) {
        Optional<StripeEventMessage> verified = verify(payload, signatureHeader);
        if (verified.isEmpty()) {
            return IngestResult.REJECTED;
        }
        Counter.builder("wallet.webhooks.verified").description("Stripe webhooks whose signature verified")
                .register(meters).increment();
        // The request that made the Stripe object (its metadata request_id) instead of this delivery's
        // own id: in this service's lines and, by the producer interceptor, the record's X-Request-Id.
        IngestResult result;
        try (RequestId.Scope ignored = RequestId.open(StripeEventParser.requestId(payload))) {
            result = ingest(verified.get());
        }
        Counter.builder("wallet.webhooks.ingested").tag("result", result.name())
                .description("verified Stripe webhooks by what became of them").register(meters).increment();
        return result;
    }

    private IngestResult ingest(StripeEventMessage event) {
        if (!HANDLED_TYPES.contains(event.type())) {
            log.info("ignoring Stripe event {} of unhandled type {}", event.eventId(), event.type());
            return IngestResult.IGNORED;
        }
        if (published.contains(event.eventId())) {
            log.info("Stripe event {} ({}) already published", event.eventId(), event.type());
            return IngestResult.DUPLICATE;
        }
        String key = event.walletId() != null ? event.walletId() : event.objectId();
        if (!events.publish(key, event)) {
            return IngestResult.UNAVAILABLE;
        }
        published.remember(event.eventId());
        log.info("published Stripe event {} ({}) for {}", event.eventId(), event.type(), event.objectId());
        return IngestResult.PUBLISHED;
    }

    /**
     * Never logs the body or the header: only why it was refused. Beside SignatureVerificationException,
     * stripe-java lets unchecked exceptions escape (t=abc, a signed non-JSON body, no header at all).
     */
    private Optional<StripeEventMessage> verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            log.warn("refused a Stripe webhook without Stripe-Signature");
            return refused("missing_signature");
        }
        Optional<String> refusal = refusalUnderEverySecret(payload, signatureHeader);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        Optional<StripeEventMessage> event = StripeEventParser.parse(payload);
        if (event.isEmpty()) {
            log.warn("refused a signed Stripe webhook that is not an event with id, type and object");
            return refused("not_an_event");
        }
        return event;
    }

    /**
     * Stripe's rolling secrets: while an endpoint's secret is rolled, Stripe signs with the old and
     * the new one (one {@code v1=} per secret in the header), so a delivery is genuine when it is
     * valid under any configured secret. stripe-java checks every {@code v1} against one secret.
     * Empty when one secret verifies it; else the reason: {@code malformed} when stripe-java failed
     * on something other than the signature (a bad header, a signed body that is not JSON) under
     * any secret, {@code bad_signature} otherwise.
     */
    private Optional<String> refusalUnderEverySecret(String payload, String signatureHeader) {
        String refusal = "no secret";
        String reason = "bad_signature";
        for (String secret : properties.webhookSecrets()) {
            try {
                Webhook.constructEvent(payload, signatureHeader, secret, properties.signatureTolerance().toSeconds());
                return Optional.empty();
            } catch (SignatureVerificationException e) {
                refusal = e.getClass().getSimpleName();
            } catch (RuntimeException e) {
                refusal = e.getClass().getSimpleName();
                reason = "malformed";
            }
        }
        log.warn("refused a Stripe webhook: {}", refusal);
        return Optional.of(reason);
    }

    private Optional<StripeEventMessage> refused(String reason) {
        Counter.builder("wallet.webhooks.refused").tag("reason", reason)
                .description("Stripe webhooks refused before publishing").register(meters).increment();
        return Optional.empty();
    }
}
