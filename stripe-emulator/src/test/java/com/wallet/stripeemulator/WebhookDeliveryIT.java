package com.wallet.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PayoutCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Receives the emulator's webhooks on a local endpoint and verifies them as webhook-ingest does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.webhook-secret=whsec_test_delivery",
        "emulator.webhook-retry-for=30s",
        "emulator.settle-delay=200ms"})
class WebhookDeliveryIT {

    private static final String SECRET = "whsec_test_delivery";
    private static final List<Event> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<String> REJECTED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static HttpServer endpoint;

    @LocalServerPort
    int port;

    RestClient control;
    StripeClient stripe;

    @DynamicPropertySource
    static void webhookEndpoint(DynamicPropertyRegistry registry) throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/webhooks/stripe", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            if (FAIL_NEXT.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                status = 503;
            } else {
                try {
                    RECEIVED.add(Webhook.constructEvent(payload,
                            exchange.getRequestHeaders().getFirst("Stripe-Signature"), SECRET));
                } catch (SignatureVerificationException e) {
                    REJECTED.add(e.getMessage());
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        registry.add("emulator.webhook-url",
                () -> "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe");
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.stop(0);
    }

    @BeforeEach
    void reset() {
        control = RestClient.create("http://127.0.0.1:" + port + "/_emulator");
        control.post().uri("/reset").retrieve().toBodilessEntity();
        stripe = StripeClient.builder().setApiKey("sk_test_local").setApiBase("http://127.0.0.1:" + port).build();
        RECEIVED.clear();
        REJECTED.clear();
        FAIL_NEXT.set(0);
    }

    @Test
    void shouldPostASignedPaymentIntentSucceededEventWithTheFullObject() throws Exception {
        PaymentIntent pi = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));

        Event event = awaitEvent("payment_intent.succeeded");
        assertThat(event.getId()).startsWith("evt_");
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(event.getLivemode()).isFalse();
        PaymentIntent object = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object.getId()).isEqualTo(pi.getId());
        assertThat(object.getMetadata()).containsEntry("wallet_id", "w-1").containsEntry("transaction_id", "tx-1");
        assertThat(REJECTED).isEmpty();
    }

    @Test
    void shouldRetryADeliveryTheEndpointRefused() throws Exception {
        FAIL_NEXT.set(2);

        stripe.v1().paymentIntents().create(deposit("pm_card_visa"));

        awaitEvent("payment_intent.succeeded");
        assertThat(deliveries()).singleElement().satisfies(d -> assertThat(d.get("attempts")).isEqualTo(3));
    }

    @Test
    void shouldPostFailedRefundedAndDisputedEvents() throws Exception {
        try {
            stripe.v1().paymentIntents().create(deposit("pm_card_chargeDeclined"));
        } catch (com.stripe.exception.CardException expected) {
            // the declined card is a 402 and a payment_intent.payment_failed event
        }
        PaymentIntent pi = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));
        post("/payment_intents/" + pi.getId() + "/refund", Map.of("amount", 40));
        post("/payment_intents/" + pi.getId() + "/dispute", Map.of());

        awaitEvent("payment_intent.payment_failed");
        Event refunded = awaitEvent("charge.refunded");
        assertThat(refunded.toJson()).contains("\"amount_refunded\": 40");
        Event disputed = awaitEvent("charge.dispute.created");
        assertThat(disputed.toJson()).contains(pi.getId());
    }

    @Test
    void shouldCloseADisputeWonWithFundsReinstatedAndALostOneWithout() throws Exception {
        PaymentIntent won = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));
        PaymentIntent lost = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));
        String wonDispute = (String) postForObject("/payment_intents/" + won.getId() + "/dispute", Map.of()).get("id");
        String lostDispute = (String) postForObject("/payment_intents/" + lost.getId() + "/dispute", Map.of()).get("id");

        assertThat(postForObject("/disputes/" + wonDispute + "/close", Map.of("status", "won"))).containsEntry("status", "won");
        postForObject("/disputes/" + lostDispute + "/close", Map.of("status", "lost"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(eventsOf(wonDispute)).containsExactlyInAnyOrder(
                    "charge.dispute.created", "charge.dispute.closed", "charge.dispute.funds_reinstated");
            assertThat(eventsOf(lostDispute)).containsExactlyInAnyOrder("charge.dispute.created", "charge.dispute.closed");
        });
        assertThat(RECEIVED.stream().filter(e -> e.getType().equals("charge.dispute.closed")).map(Event::toJson))
                .anySatisfy(json -> assertThat(json).contains(wonDispute).contains("\"status\": \"won\""))
                .anySatisfy(json -> assertThat(json).contains(lostDispute).contains("\"status\": \"lost\""));
        assertThatThrownBy(() -> postForObject("/disputes/" + wonDispute + "/close", Map.of("status", "lost")))
                .isInstanceOf(org.springframework.web.client.HttpClientErrorException.BadRequest.class);
    }

    @Test
    void shouldDeliverADuplicatedEventTwiceWithOneId() throws Exception {
        post("/webhooks/faults", Map.of("kind", "duplicate"));

        stripe.v1().paymentIntents().create(deposit("pm_card_visa"));

        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.size() == 2);
        assertThat(RECEIVED.get(0).getId()).isEqualTo(RECEIVED.get(1).getId());
    }

    @Test
    void shouldReorderHeldEvents() throws Exception {
        post("/webhooks/faults", Map.of("kind", "reorder", "count", 2));

        PaymentIntent first = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));
        PaymentIntent second = stripe.v1().paymentIntents().create(deposit("pm_card_visa"));

        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.size() == 2);
        assertThat(RECEIVED.get(0).toJson()).contains(second.getId());
        assertThat(RECEIVED.get(1).toJson()).contains(first.getId());
    }

    @Test
    void shouldPostPayoutPaidThenFailedAndTransferReversed() throws Exception {
        Payout payout = stripe.v1().payouts().create(PayoutCreateParams.builder().setAmount(500L)
                .setCurrency("usd").putMetadata("wallet_id", "w-2").build());
        awaitEvent("payout.paid");
        post("/payouts/" + payout.getId() + "/fail", Map.of("failureCode", "account_closed"));
        assertThat(awaitEvent("payout.failed").toJson()).contains("account_closed");

        var transfer = stripe.v1().transfers().create(com.stripe.param.TransferCreateParams.builder()
                .setAmount(300L).setCurrency("usd").setDestination("acct_test").build());
        awaitEvent("transfer.created");
        post("/transfers/" + transfer.getId() + "/reverse", Map.of());
        assertThat(awaitEvent("transfer.reversed").toJson()).contains("\"reversed\": true");
    }

    private Event awaitEvent(String type) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> RECEIVED.stream().filter(e -> e.getType().equals(type)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private List<Map<String, Object>> deliveries() {
        return JsonMapper.builder().build().readValue(control.get().uri("/webhooks").retrieve().body(String.class),
                new tools.jackson.core.type.TypeReference<>() { });
    }

    private List<String> eventsOf(String objectId) {
        return RECEIVED.stream().filter(e -> e.toJson().contains("\"id\": \"" + objectId + "\"")).map(Event::getType).toList();
    }

    private Map<String, Object> postForObject(String path, Map<String, Object> body) {
        return control.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<>() { });
    }

    private void post(String path, Map<String, Object> body) {
        control.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static PaymentIntentCreateParams deposit(String paymentMethod) {
        return PaymentIntentCreateParams.builder().setAmount(1000L).setCurrency("usd")
                .setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("wallet_id", "w-1").putMetadata("transaction_id", "tx-1").build();
    }
}
