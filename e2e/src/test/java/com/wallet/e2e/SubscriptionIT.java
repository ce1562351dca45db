package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Contract section 5, transactionUpdated(id) over WebSocket with graphql-transport-ws, as a client
 * speaks it: the current state at once, every change, completion after the final status; the same
 * ownership rules as getTransaction; no token, no subscription.
 */
class SubscriptionIT {

    private static final String QUERY =
            "subscription($id: String!) { transactionUpdated(id: $id) { id status amount failureReason } }";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WalletApi api = new WalletApi();
    private final StripeEmulator stripe = new StripeEmulator();

    @Test
    void theOwnerSeesTheCurrentStateThenEveryChangeThenCompletion() throws Exception {
        String user = api.token("sub-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        // 3-D Secure keeps the deposit PROCESSING until the customer authenticates
        String id = api.deposit(user, wallet, 1_200, "pm_card_threeDSecure2Required", null).path("id").asString();
        String paymentIntent = Awaitility.await().atMost(WAIT)
                .until(() -> api.transaction(user, id).path("stripePaymentIntentId").asString(""), pi -> !pi.isEmpty());

        try (GraphQlWs ws = new GraphQlWs()) {
            ws.init(Map.of("Authorization", "Bearer " + user));
            assertThat(ws.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            ws.subscribe("1", QUERY, Map.of("id", id));

            JsonNode first = ws.next(WAIT);
            assertThat(first.path("type").asString()).as(first.toString()).isEqualTo("next");
            assertThat(first.at("/payload/data/transactionUpdated/status").asString()).isEqualTo("PROCESSING");

            stripe.authenticate(paymentIntent, true);

            List<String> statuses = new ArrayList<>();
            JsonNode message;
            while ((message = ws.next(WAIT)) != null && message.path("type").asString().equals("next")) {
                statuses.add(message.at("/payload/data/transactionUpdated/status").asString());
            }
            assertThat(statuses).as("the changes after the first state").endsWith("COMPLETED");
            assertThat(message).as("the stream completes after the final status").isNotNull();
            assertThat(message.path("type").asString()).isEqualTo("complete");
            assertThat(message.path("id").asString()).isEqualTo("1");
        }
    }

    @Test
    void aFinalTransactionAnswersItsStateAndCompletesAtOnce() throws Exception {
        String user = api.token("subfinal-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        String id = api.deposit(user, wallet, 300, "pm_card_visa", null).path("id").asString();
        api.awaitFinal(user, id);

        try (GraphQlWs ws = new GraphQlWs()) {
            ws.init(Map.of("Authorization", "Bearer " + user));
            assertThat(ws.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            ws.subscribe("a", QUERY, Map.of("id", id));
            assertThat(ws.next(WAIT).at("/payload/data/transactionUpdated/status").asString()).isEqualTo("COMPLETED");
            assertThat(ws.next(WAIT).path("type").asString()).isEqualTo("complete");
        }
    }

    @Test
    void anotherUsersTransactionIsNotFoundAndNoTokenIsRefused() throws Exception {
        String owner = api.token("subowner-" + UUID.randomUUID(), false);
        String stranger = api.token("substranger-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(owner, "USD");
        String id = api.deposit(owner, wallet, 300, "pm_card_visa", null).path("id").asString();

        try (GraphQlWs ws = new GraphQlWs()) {
            ws.init(Map.of("Authorization", "Bearer " + stranger));
            assertThat(ws.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            ws.subscribe("x", QUERY, Map.of("id", id));
            JsonNode answer = ws.next(WAIT);
            assertThat(answer.toString()).as("no data of another user's transaction").doesNotContain("\"status\"");
            assertThat(answer.toString()).contains("NOT_FOUND");
        }

        try (GraphQlWs ws = new GraphQlWs()) {
            ws.init(Map.of());
            JsonNode answer = ws.next(Duration.ofSeconds(10));
            assertThat(answer == null || !"connection_ack".equals(answer.path("type").asString()))
                    .as("no connection_ack without a token: " + answer).isTrue();
            assertThat(ws.closeCode(Duration.ofSeconds(10))).as("the server closes the connection").isNotNull();
        }
    }
}
