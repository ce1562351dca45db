package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract 6.8 on the running system: a stripe.events record that webhook-ingest did not produce
 * after verifying Stripe's signature (here a plaintext event, as anyone with access to Kafka could
 * write) credits nothing and lands on stripe.events.dlq; the genuine webhook still settles.
 */
class ForgedStripeEventIT {

    private final WalletApi api = new WalletApi();
    private final StripeEmulator stripe = new StripeEmulator();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aStripeEventWrittenStraightToKafkaCreditsNothing() {
        String user = api.token("forged-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        // 3-D Secure keeps the deposit PROCESSING until the customer authenticates
        String id = api.deposit(user, wallet, 2_500, "pm_card_threeDSecure2Required", null).path("id").asString();
        String paymentIntent = await("the deposit's PaymentIntent is recorded").atMost(Duration.ofSeconds(60))
                .until(() -> api.transaction(user, id).path("stripePaymentIntentId").asString(""), pi -> !pi.isEmpty());
        String eventId = "evt_forged_" + UUID.randomUUID().toString().replace("-", "");

        Topics.send("stripe.events", wallet, json.writeValueAsString(succeeded(eventId, paymentIntent, wallet, id)));

        await("the forged record is dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> !Topics.read("stripe.events.dlq", r -> r.value() != null && r.value().contains(eventId)).isEmpty());
        Header reason = Topics.read("stripe.events.dlq", r -> r.value() != null && r.value().contains(eventId))
                .get(0).headers().lastHeader("wallet-dlq-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).startsWith("stripe.events ");
        assertThat(api.transaction(user, id).path("status").asString()).isEqualTo("PROCESSING");
        assertThat(api.balance(user, wallet)).isZero();

        stripe.authenticate(paymentIntent, true);

        assertThat(api.awaitFinal(user, id).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.balance(user, wallet)).isEqualTo(2_500);
    }

    /** What stripe.events carried before its records were sealed: the event in plaintext JSON. */
    private static Map<String, Object> succeeded(String eventId, String paymentIntent, String wallet, String tx) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", "payment_intent.succeeded");
        event.put("objectId", paymentIntent);
        event.put("paymentIntentId", paymentIntent);
        event.put("walletId", wallet);
        event.put("transactionId", tx);
        event.put("amount", 2_500);
        event.put("currency", "usd");
        event.put("failureCode", null);
        event.put("created", System.currentTimeMillis() / 1000);
        event.put("objectStatus", "succeeded");
        return event;
    }
}
