package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.checker.CheckerConfig;
import com.wallet.checker.InvariantChecker;
import com.wallet.checker.Report;
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
    private final SignedWebhooks webhooks = new SignedWebhooks();

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

    @Test
    void aThreeDSecureDepositWaitsWithItsClientSecretShownToItsOwnerOnlyAndCompletesWhenAuthenticated() {
        String owner = api.token("3ds-" + UUID.randomUUID(), false);
        String admin = api.token("admin-" + UUID.randomUUID(), true);
        String wallet = api.createWallet(owner, "USD");

        String id = api.deposit(owner, wallet, 1_500, "pm_card_threeDSecure2Required", null).path("id").asString();

        JsonNode waiting = await("the deposit waits for the customer").atMost(Duration.ofSeconds(30))
                .until(() -> api.transaction(owner, id), tx -> "PROCESSING".equals(tx.path("status").asString())
                        && tx.path("metadata").has("clientSecret"));
        JsonNode intent = stripe.paymentIntentsOf(id).get(0);
        assertThat(intent.path("status").asString()).isEqualTo("requires_action");
        assertThat(waiting.path("metadata").path("clientSecret").asString()).isEqualTo(intent.path("client_secret").asString());
        assertThat(waiting.path("metadata").path("nextAction").path("type").asString()).isNotEmpty();
        JsonNode seenByAdmin = api.transaction(admin, id);
        assertThat(seenByAdmin.path("metadata").has("clientSecret")).isFalse();
        assertThat(seenByAdmin.toString()).doesNotContain(intent.path("client_secret").asString());
        assertThat(api.balance(owner, wallet)).isZero();

        stripe.authenticate(intent.path("id").asString(), true);

        JsonNode done = api.awaitFinal(owner, id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("metadata").has("clientSecret")).isFalse();
        assertThat(api.balance(owner, wallet)).isEqualTo(1_500);
        assertThat(stripe.paymentIntentsOf(id)).hasSize(1);
        ledger.assertConsistent(wallet);
    }

    @Test
    void aThreeDSecureChallengeTheCustomerFailsEndsTheDepositFailedWithNothingCredited() {
        String owner = api.token("3dsfail-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(owner, "USD");
        String id = api.deposit(owner, wallet, 800, "pm_card_threeDSecure2Required", null).path("id").asString();
        await("the deposit waits for the customer").atMost(Duration.ofSeconds(30))
                .until(() -> api.transaction(owner, id).path("metadata").has("clientSecret"));

        stripe.authenticate(stripe.paymentIntentsOf(id).get(0).path("id").asString(), false);

        JsonNode done = api.awaitFinal(owner, id);
        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("failureReason").asString()).isEqualTo("PAYMENT_FAILED");
        assertThat(api.balance(owner, wallet)).isZero();
        ledger.assertConsistent(wallet);
    }

    @Test
    void aBankDebitIsProcessingUntilItSettlesAndAClosedAccountFailsIt() {
        String owner = api.token("ach-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(owner, "USD");

        String settled = api.deposit(owner, wallet, 2_000, "pm_usBankAccount", null).path("id").asString();
        String closed = api.deposit(owner, wallet, 700, "pm_usBankAccount_accountClosed", null).path("id").asString();

        JsonNode done = api.awaitFinal(owner, settled);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stripe.webhooksFor(done.path("stripePaymentIntentId").asString()))
                .extracting(e -> e.path("type").asString()).contains("payment_intent.processing", "payment_intent.succeeded");
        JsonNode failed = api.awaitFinal(owner, closed);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failureReason").asString()).isEqualTo("PAYMENT_FAILED");
        assertThat(api.balance(owner, wallet)).isEqualTo(2_000);
        assertThat(stripe.paymentIntentsOf(settled)).hasSize(1);
        assertThat(stripe.paymentIntentsOf(closed)).hasSize(1);
        ledger.assertConsistent(wallet);
    }

    @Test
    void aDisputeTakesTheMoneyAndWinningItGivesItBackOnce() {
        String owner = api.token("dispute-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(owner, "USD");
        JsonNode deposit = api.awaitFinal(owner, api.deposit(owner, wallet, 1_000, "pm_card_visa", null).path("id").asString());
        String paymentIntent = deposit.path("stripePaymentIntentId").asString();

        String dispute = stripe.dispute(paymentIntent, null);
        await("the dispute is debited").atMost(Duration.ofSeconds(30)).until(() -> api.balance(owner, wallet) == 0);
        stripe.closeDispute(dispute, "won");

        await("the dispute won is credited back").atMost(Duration.ofSeconds(30)).until(() -> api.balance(owner, wallet) == 1_000);
        await("both outcome events delivered").atMost(Duration.ofSeconds(30)).until(() -> stripe.webhooksFor(dispute).stream()
                .filter(e -> e.path("delivered").asBoolean()).count() == 3);
        assertThat(api.balance(owner, wallet)).isEqualTo(1_000);
        assertThat(api.transaction(owner, deposit.path("id").asString()).path("status").asString()).isEqualTo("COMPLETED");
        ledger.assertConsistent(wallet);
    }

    @Test
    void aSignedWebhookThatDisagreesWithTheRecordCreditsNothingAndTheCheckerReportsIt() throws Exception {
        String owner = api.token("forged-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(owner, "USD");
        // A deposit waiting for 3-D Secure: open, with its PaymentIntent recorded.
        String id = api.deposit(owner, wallet, 1_000, "pm_card_threeDSecure2Required", null).path("id").asString();
        JsonNode waiting = await("the deposit waits").atMost(Duration.ofSeconds(30)).until(() -> api.transaction(owner, id),
                tx -> !tx.path("stripePaymentIntentId").isNull() && tx.path("metadata").has("clientSecret"));
        String paymentIntent = waiting.path("stripePaymentIntentId").asString();

        // Correctly signed (as Stripe would), but for another amount, and for another PaymentIntent.
        assertThat(webhooks.post(succeeded(paymentIntent, 900_000, wallet, id))).isEqualTo(200);
        assertThat(webhooks.post(succeeded("pi_someone_elses", 1_000, wallet, id))).isEqualTo(200);

        await("both are recorded for an operator").atMost(Duration.ofSeconds(30))
                .until(() -> ledger.openDisagreements(id).size() == 2);
        assertThat(ledger.openDisagreements(id)).containsExactlyInAnyOrder("amount", "payment_intent");
        assertThat(api.transaction(owner, id).path("status").asString()).isEqualTo("PROCESSING");
        assertThat(api.balance(owner, wallet)).isZero();
        assertThat(ledger.postingsOf(id)).isZero();
        Report report = new InvariantChecker(CheckerConfig.local(Ledger.DATABASE_URL, InvariantCheckIT.KAFKA,
                InvariantCheckIT.EMULATOR)).run();
        assertThat(report.result("stripe-disagreements-resolved").violations()).as(report.violations().toString())
                .anySatisfy(v -> assertThat(v).contains(id));

        // The genuine outcome still settles it, for the recorded amount; then an operator closes the records.
        stripe.authenticate(paymentIntent, true);
        JsonNode done = api.awaitFinal(owner, id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.balance(owner, wallet)).isEqualTo(1_000);
        ledger.resolveDisagreements(id);
        ledger.assertConsistent(wallet);
    }

    private static String succeeded(String paymentIntent, long amount, String wallet, String transaction) {
        return """
                {"id":"evt_forged_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,
                 "type":"payment_intent.succeeded","data":{"object":{"id":"%s","object":"payment_intent",
                 "amount":%d,"amount_received":%d,"currency":"usd","status":"succeeded",
                 "metadata":{"wallet_id":"%s","transaction_id":"%s"}}}}"""
                .formatted(UUID.randomUUID(), System.currentTimeMillis() / 1000, paymentIntent, amount, amount, wallet,
                        transaction);
    }
}
