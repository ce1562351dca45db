package com.wallet.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.TransferReversalCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Drives the emulator with the real stripe-java client, as the processor does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.webhook-url=http://127.0.0.1:9/unused",
        "emulator.webhook-retry-for=1s",
        "emulator.settle-delay=300ms"})
class StripeEmulatorIT {

    @LocalServerPort
    int port;

    RestClient control;

    @BeforeEach
    void reset() {
        control = RestClient.create("http://127.0.0.1:" + port + "/_emulator");
        control.post().uri("/reset").retrieve().toBodilessEntity();
    }

    @Test
    void shouldCreateAndConfirmASucceedingPaymentIntent() throws Exception {
        PaymentIntent pi = client(0).v1().paymentIntents().create(deposit("pm_card_visa", 1500));

        assertThat(pi.getId()).startsWith("pi_");
        assertThat(pi.getStatus()).isEqualTo("succeeded");
        assertThat(pi.getAmount()).isEqualTo(1500L);
        assertThat(pi.getLatestCharge()).startsWith("ch_");
        assertThat(pi.getMetadata()).containsEntry("wallet_id", "w-1").containsEntry("transaction_id", "tx-1");
        assertThat(client(0).v1().paymentIntents().retrieve(pi.getId()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void shouldDeclineWithA402CarryingThePaymentIntent() {
        assertThatThrownBy(() -> client(0).v1().paymentIntents().create(deposit("pm_card_chargeDeclined", 100)))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
                    assertThat(e.getStripeError().getPaymentIntent().getMetadata()).containsEntry("wallet_id", "w-1");
                });
        assertThatThrownBy(() -> client(0).v1().paymentIntents()
                .create(deposit("pm_card_chargeDeclinedInsufficientFunds", 100)))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.getDeclineCode()).isEqualTo("insufficient_funds"));
    }

    @Test
    void shouldRequireActionForThreeDSecureCards() throws Exception {
        PaymentIntent pi = client(0).v1().paymentIntents().create(deposit("pm_card_threeDSecure2Required", 100));

        assertThat(pi.getStatus()).isEqualTo("requires_action");
        assertThat(pi.getNextAction()).isNotNull();
        assertThat(pi.getClientSecret()).startsWith(pi.getId() + "_secret_");
    }

    @Test
    void shouldSettleBankDebitsAsynchronously() throws Exception {
        StripeClient client = client(0);
        PaymentIntent pi = client.v1().paymentIntents().create(deposit("pm_usBankAccount", 100));

        assertThat(pi.getStatus()).isEqualTo("processing");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(client.v1().paymentIntents().retrieve(pi.getId()).getStatus()).isEqualTo("succeeded"));
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKey() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("deposit-tx-1").build();
        PaymentIntent first = client(0).v1().paymentIntents().create(deposit("pm_card_visa", 100), key);
        PaymentIntent second = client(0).v1().paymentIntents().create(deposit("pm_card_visa", 100), key);

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(objects("payment_intent")).hasSize(1);
    }

    @Test
    void shouldRejectAnIdempotencyKeyReusedWithOtherParameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("deposit-tx-2").build();
        client(0).v1().paymentIntents().create(deposit("pm_card_visa", 100), key);

        assertThatThrownBy(() -> client(0).v1().paymentIntents().create(deposit("pm_card_visa", 200), key))
                .isInstanceOf(IdempotencyException.class);
    }

    @Test
    void shouldAnswer409WhileTheFirstRequestWithTheKeyIsInFlight() throws Exception {
        queueFault(Map.of("kind", "stall", "delayMs", 2000, "path", "/v1/transfers"));
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("withdraw-tx-3").build();
        CompletableFuture<Transfer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return client(0, 5000).v1().transfers().create(withdrawal(100), key);
            } catch (com.stripe.exception.StripeException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> control.get().uri("/faults").retrieve()
                .body(List.class).isEmpty());

        assertThatThrownBy(() -> client(0).v1().transfers().create(withdrawal(100), key))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThat(client(5, 5000).v1().transfers().create(withdrawal(100), key).getId())
                .isEqualTo(first.get(10, TimeUnit.SECONDS).getId());
        assertThat(objects("transfer")).hasSize(1);
    }

    @Test
    void shouldSurviveQueuedServerErrorsWithRetriesCreatingOneObject() throws Exception {
        queueFault(Map.of("kind", "error_before", "path", "/v1/payment_intents"));
        queueFault(Map.of("kind", "error_after", "path", "/v1/payment_intents"));

        PaymentIntent pi = client(3).v1().paymentIntents().create(deposit("pm_card_visa", 100));

        assertThat(pi.getStatus()).isEqualTo("succeeded");
        assertThat(objects("payment_intent")).hasSize(1);
        assertThat(control.get().uri("/faults").retrieve().body(List.class)).isEmpty();
    }

    @Test
    void shouldCommitTheWorkOfASlowOrDroppedAnswerSoThatARetryReplaysIt() throws Exception {
        queueFault(Map.of("kind", "slow", "delayMs", 1500, "path", "/v1/transfers"));
        queueFault(Map.of("kind", "drop", "path", "/v1/transfers"));

        Transfer transfer = client(3).v1().transfers().create(withdrawal(700));

        assertThat(transfer.getAmount()).isEqualTo(700L);
        assertThat(objects("transfer")).hasSize(1);
    }

    @Test
    void shouldRetryA429OnlyWhenStripeShouldRetrySaysSo() throws Exception {
        queueFault(Map.of("kind", "rate_limit", "shouldRetry", true));
        assertThat(client(2).v1().transfers().create(withdrawal(100)).getId()).startsWith("tr_");

        queueFault(Map.of("kind", "rate_limit"));
        assertThatThrownBy(() -> client(2).v1().transfers().create(withdrawal(100)))
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void shouldTransferAndReverse() throws Exception {
        StripeClient client = client(0);
        Transfer transfer = client.v1().transfers().create(withdrawal(900));
        assertThat(transfer.getDestination()).isEqualTo("acct_test");
        assertThat(transfer.getMetadata()).containsEntry("transaction_id", "tx-9");

        TransferReversal reversal = client.v1().transfers().reversals()
                .create(transfer.getId(), TransferReversalCreateParams.builder().build());

        assertThat(reversal.getAmount()).isEqualTo(900L);
        Transfer reversed = client.v1().transfers().retrieve(transfer.getId());
        assertThat(reversed.getReversed()).isTrue();
        assertThat(reversed.getAmountReversed()).isEqualTo(900L);
    }

    @Test
    void shouldListTransfersOfOneTransferGroup() throws Exception {
        StripeClient client = client(0);
        Transfer first = client.v1().transfers().create(withdrawal(100, "tx-a"));
        client.v1().transfers().create(withdrawal(200, "tx-b"));
        client.v1().transfers().create(withdrawal(300));

        StripeCollection<Transfer> groupA = client.v1().transfers()
                .list(TransferListParams.builder().setTransferGroup("tx-a").build());
        StripeCollection<Transfer> none = client.v1().transfers()
                .list(TransferListParams.builder().setTransferGroup("tx-unknown").build());
        StripeCollection<Transfer> all = client.v1().transfers().list(TransferListParams.builder().build());

        assertThat(groupA.getData()).extracting(Transfer::getId).containsExactly(first.getId());
        assertThat(groupA.getData().get(0).getTransferGroup()).isEqualTo("tx-a");
        assertThat(groupA.getData().get(0).getMetadata()).containsEntry("transaction_id", "tx-9");
        assertThat(none.getData()).isEmpty();
        assertThat(all.getData()).hasSize(3);
        assertThat(all.getHasMore()).isFalse();
    }

    @Test
    void shouldRefuseAWrongApiKey() {
        StripeClient wrong = StripeClient.builder().setApiKey("sk_test_wrong")
                .setApiBase("http://127.0.0.1:" + port).build();

        assertThatThrownBy(() -> wrong.v1().paymentIntents().retrieve("pi_x"))
                .isInstanceOf(AuthenticationException.class);
    }

    private StripeClient client(int retries) {
        return client(retries, 1000);
    }

    private StripeClient client(int retries, int readTimeoutMillis) {
        return StripeClient.builder().setApiKey("sk_test_local").setApiBase("http://127.0.0.1:" + port)
                .setMaxNetworkRetries(retries).setConnectTimeout(1000).setReadTimeout(readTimeoutMillis).build();
    }

    private static PaymentIntentCreateParams deposit(String paymentMethod, long amount) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd")
                .setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("wallet_id", "w-1").putMetadata("transaction_id", "tx-1").build();
    }

    private static TransferCreateParams withdrawal(long amount) {
        return withdrawal(amount, null);
    }

    private static TransferCreateParams withdrawal(long amount, String transferGroup) {
        return TransferCreateParams.builder().setAmount(amount).setCurrency("usd").setDestination("acct_test")
                .setTransferGroup(transferGroup)
                .putMetadata("wallet_id", "w-9").putMetadata("transaction_id", "tx-9").build();
    }

    private void queueFault(Map<String, Object> fault) {
        control.post().uri("/faults").contentType(MediaType.APPLICATION_JSON).body(fault).retrieve().toBodilessEntity();
    }

    private List<Map<String, Object>> objects(String type) {
        return control.get().uri("/objects?type={type}", type).retrieve()
                .body(new ParameterizedTypeReference<>() { });
    }
}
