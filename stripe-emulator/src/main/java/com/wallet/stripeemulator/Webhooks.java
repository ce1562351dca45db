package com.wallet.stripeemulator;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds Stripe events and posts them, signed, to the webhook endpoint: asynchronously, at least
 * once, retried with exponential backoff on a non-2xx answer or a connection failure until
 * {@code emulator.webhook-retry-for} has passed. Events and their delivery state are kept in the
 * state file; after a restart the undelivered ones are sent again, as Stripe keeps retrying.
 * Deliveries run on their own scheduler: a slow endpoint never holds up a change of state.
 */
@Component
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EmulatorProperties properties;
    private final JsonMapper json;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<WebhookFault> faults = new ArrayList<>();
    private final List<Delivery> held = new ArrayList<>();
    private final Map<String, Delivery> byEventId = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cleared = new AtomicBoolean();
    private volatile boolean tracking;

    /** An event and its delivery state as the state file keeps it. */
    record Kept(String eventId, String type, String objectId, String payload, int attempts, int delivered,
                int lastStatus, boolean abandoned) {
    }

    Webhooks(EmulatorProperties properties, JsonMapper json,
             @Qualifier("webhookScheduler") ScheduledExecutorService scheduler) {
        this.properties = properties;
        this.json = json;
        this.scheduler = scheduler;
    }

    /** Sends {@code type} about {@code object} as it is now; call while holding the object's monitor. */
    void publish(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.next("evt"));
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        event.put("type", type);
        String payload = json.writeValueAsString(event);
        Delivery delivery = new Delivery((String) event.get("id"), type, (String) object.get("id"), payload);
        deliveries.add(delivery);
        byEventId.put(delivery.eventId, delivery);
        changed(delivery);
        log.info("event {} {} for {}", delivery.eventId, type, delivery.objectId);
        dispatch(delivery);
    }

    /** From now on, changes of delivery state are noted for {@link #takeChanged} (only with a state file). */
    void trackChanges() {
        tracking = true;
    }

    private void changed(Delivery delivery) {
        if (tracking) {
            changed.add(delivery.eventId);
        }
    }

    synchronized void addFault(WebhookFault fault) {
        faults.add(fault);
    }

    List<Map<String, Object>> deliveries() {
        return deliveries.stream().map(Delivery::view).toList();
    }

    synchronized void clear() {
        deliveries.clear();
        byEventId.clear();
        changed.clear();
        faults.clear();
        held.clear();
        cleared.set(true);
    }

    /** The events whose delivery state changed since the last call. */
    List<Kept> takeChanged() {
        List<Kept> taken = new ArrayList<>();
        for (Iterator<String> ids = changed.iterator(); ids.hasNext(); ) {
            Delivery delivery = byEventId.get(ids.next());
            ids.remove();
            if (delivery != null) {
                taken.add(delivery.kept());
            }
        }
        return taken;
    }

    List<Kept> all() {
        return deliveries.stream().map(Delivery::kept).toList();
    }

    /** Whether {@link #clear} ran since the last call. */
    boolean takeCleared() {
        return cleared.getAndSet(false);
    }

    /** An event as the state file kept it; a later record of the same event updates its delivery state. */
    void restore(Kept kept) {
        Delivery delivery = byEventId.get(kept.eventId());
        if (delivery == null) {
            delivery = new Delivery(kept.eventId(), kept.type(), kept.objectId(), kept.payload());
            byEventId.put(delivery.eventId, delivery);
            deliveries.add(delivery);
        }
        delivery.attempts.set(kept.attempts());
        delivery.delivered.set(kept.delivered());
        delivery.lastStatus = kept.lastStatus();
        delivery.abandoned = kept.abandoned();
    }

    /** After a restart: every event not yet delivered (nor given up) is sent again, with a new retry window. */
    int resendPending() {
        List<Delivery> pending = deliveries.stream().filter(d -> d.delivered.get() == 0 && !d.abandoned).toList();
        pending.forEach(delivery -> schedule(delivery, 0));
        return pending.size();
    }

    private synchronized void dispatch(Delivery delivery) {
        WebhookFault fault = faults.isEmpty() ? null : faults.get(0);
        if (fault == null) {
            schedule(delivery, 0);
            return;
        }
        switch (fault.kind()) {
            case "delay" -> schedule(delivery, fault.delayMs());
            case "duplicate" -> {
                schedule(delivery, 0);
                schedule(delivery, 50);
            }
            default -> {
                held.add(delivery);
                if (held.size() < fault.count()) {
                    return;
                }
                List<Delivery> reversed = new ArrayList<>(held);
                Collections.reverse(reversed);
                held.clear();
                for (int i = 0; i < reversed.size(); i++) {
                    schedule(reversed.get(i), 100L * i);
                }
            }
        }
        consume(fault);
    }

    private void consume(WebhookFault fault) {
        faults.remove(0);
        if (!fault.kind().equals("reorder") && fault.count() > 1) {
            faults.add(0, new WebhookFault(fault.kind(), fault.count() - 1, fault.delayMs()));
        }
    }

    private void schedule(Delivery delivery, long delayMs) {
        Instant deadline = Instant.now().plusMillis(delayMs).plus(properties.webhookRetryFor());
        scheduler.schedule(() -> attempt(delivery, deadline, 0), delayMs, TimeUnit.MILLISECONDS);
    }

    private void attempt(Delivery delivery, Instant deadline, int retry) {
        int status = send(delivery);
        if (status >= 200 && status < 300) {
            delivery.delivered.incrementAndGet();
            changed(delivery);
            return;
        }
        changed(delivery);
        Duration backoff = Duration.ofMillis(500L << Math.min(retry, 10));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        if (Instant.now().plus(backoff).isAfter(deadline)) {
            log.warn("giving up event {} {} after {} attempts", delivery.eventId, delivery.type, retry + 1);
            delivery.abandoned = true;
            changed(delivery);
            return;
        }
        scheduler.schedule(() -> attempt(delivery, deadline, retry + 1), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Like Stripe while an endpoint's secret is being rolled: with several comma-separated secrets,
     * one {@code v1=} signature per secret under the same timestamp.
     */
    private String signatureHeader(String payload, long timestamp) throws GeneralSecurityException {
        StringBuilder header = new StringBuilder();
        for (String secret : properties.webhookSecret().split(",")) {
            if (secret.isBlank()) {
                continue;
            }
            String one = Webhook.Signature.generateSignatureHeader(payload, secret.trim(), timestamp);
            header.append(header.length() == 0 ? one : one.substring(one.indexOf(",v1=")));
        }
        return header.toString();
    }

    private int send(Delivery delivery) {
        delivery.attempts.incrementAndGet();
        try {
            String signature = signatureHeader(delivery.payload, Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            delivery.lastStatus = status;
            if (status >= 300) {
                log.info("event {} answered {}", delivery.eventId, status);
            }
            return status;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign webhooks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            log.info("event {} not delivered: {}", delivery.eventId, e.toString());
            delivery.lastStatus = -1;
            return -1;
        }
    }

    private final class Delivery {
        final String eventId;
        final String type;
        final String objectId;
        final String payload;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        volatile int lastStatus;
        volatile boolean abandoned;

        Delivery(String eventId, String type, String objectId, String payload) {
            this.eventId = eventId;
            this.type = type;
            this.objectId = objectId;
            this.payload = payload;
        }

        Kept kept() {
            return new Kept(eventId, type, objectId, payload, attempts.get(), delivered.get(), lastStatus, abandoned);
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("eventId", eventId);
            view.put("type", type);
            view.put("objectId", objectId);
            view.put("attempts", attempts.get());
            view.put("delivered", delivered.get());
            view.put("lastStatus", lastStatus);
            view.put("abandoned", abandoned);
            view.put("event", json.readValue(payload, Map.class));
            return view;
        }
    }
}
