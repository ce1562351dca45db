package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stripe's side of the money path, with the emulator misbehaving the ways Stripe does. */
class StripeFlowsIT {

    private final WalletApi api = new WalletApi();
    private final Ledger ledger = new Ledger();
    private final StripeEmulator stripe = new StripeEmulator();

    @AfterEach
    void clearFaults() {
        stripe.clearFaults();
    }

    @Test
    void aWebhookDeliveredTwiceCreditsTheDepositOnce() {
        String user = api.token("dup-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        stripe.webhookFault(Map.of("kind", "duplicate", "count", 1));

        JsonNode done = api.awaitFinal(user, api.deposit(user, wallet, 700, "pm_card_visa", null).path("id").asString());
        String paymentIntent = done.path("stripePaymentIntentId").asString();
        await("both deliveries of the duplicated events answered").atMost(Duration.ofSeconds(30))
                .until(() -> stripe.webhooksFor(paymentIntent).stream().allMatch(e -> e.path("delivered").asBoolean()));

        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.balance(user, wallet)).isEqualTo(700);
        assertThat(ledger.postingsOf(done.path("id").asString())).isEqualTo(2);
    }

    @Test
    void aStripeErrorAfterThePaymentIntentWasCreatedIsRetriedWithTheSameKey() {
        String user = api.token("retry-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        stripe.fault(Map.of("kind", "error_after", "path", "/v1/payment_intents", "count", 1));

        String id = api.deposit(user, wallet, 1_200, "pm_card_visa", null).path("id").asString();
        JsonNode done = api.awaitFinal(user, id);

        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stripe.paymentIntentsOf(id)).hasSize(1);
        assertThat(api.balance(user, wallet)).isEqualTo(1_200);
    }

    @Test
    void aPartialRefundDebitsTheWallet() {
        String user = api.token("refund-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        JsonNode deposit = api.awaitFinal(user, api.deposit(user, wallet, 1_000, "pm_card_visa", null).path("id").asString());

        stripe.refund(deposit.path("stripePaymentIntentId").asString(), 300);

        await("the refund is debited").atMost(Duration.ofSeconds(30)).until(() -> api.balance(user, wallet) == 700);
        ledger.assertConsistent(wallet);
    }

    @Test
    void aReversedPayoutCreditsTheWalletBackAndEndsReversed() {
        String user = api.token("reversal-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        api.fund(user, wallet, 1_000);
        JsonNode withdrawn = api.awaitFinal(user, api.withdraw(user, wallet, 400).path("id").asString());
        assertThat(withdrawn.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.balance(user, wallet)).isEqualTo(600);

        stripe.reverseTransfer(withdrawn.path("stripeTransferId").asString());

        await("the withdrawal is reversed").atMost(Duration.ofSeconds(30))
                .until(() -> "REVERSED".equals(api.transaction(user, withdrawn.path("id").asString())
                        .path("status").asString()));
        assertThat(api.balance(user, wallet)).isEqualTo(1_000);
        ledger.assertConsistent(wallet);
    }

    @Test
    void anAmbiguousPayoutStaysProcessingDebitedUntilStripeAnswersThenPaysOutOnce() {
        String user = api.token("payoutfail-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        api.fund(user, wallet, 1_000);
        // a 500 says nothing about whether Stripe paid out (contract 6.7): the money must not go back
        stripe.fault(Map.of("kind", "error_before", "method", "POST", "path", "/v1/transfers", "count", 1_000));

        String id = api.withdraw(user, wallet, 400).path("id").asString();

        await("the withdrawal is PROCESSING").atMost(Duration.ofSeconds(30))
                .until(() -> "PROCESSING".equals(api.transaction(user, id).path("status").asString()));
        await("it stays PROCESSING, debited, while Stripe fails").during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(20))
                .until(() -> "PROCESSING".equals(api.transaction(user, id).path("status").asString())
                        && api.balance(user, wallet) == 600);
        stripe.clearFaults();

        // the withdrawal reconciler finds no Transfer, creates it with the same key, completes it
        await("the reconciler pays it out").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED".equals(api.transaction(user, id).path("status").asString()));
        assertThat(api.balance(user, wallet)).isEqualTo(600);
        assertThat(stripe.transfersOf(id)).hasSize(1);
        ledger.assertConsistent(wallet);
    }
}
