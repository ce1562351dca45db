package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

/**
 * The deposit reconciler against the real Stripe emulator (contract 6.4: a deposit answered
 * PENDING always reaches a final status). Intervals and timeouts are the short ones of
 * {@link ProcessorIntegrationTest#properties()}. Skipped when the emulator jar has not been built.
 */
@EnabledIf("emulatorBuilt")
class DepositReconcilerIT extends EmulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    private boolean eventProcessed(String eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                .param("id", eventId).query(Long.class).single() == 1;
    }

    @Test
    void completesADepositWhoseWebhookNeverArrivesAndIgnoresTheLateEvent() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 3_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        emulator.loseWebhooksOf(tx);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(emulator.lostWebhooksOf(tx)).extracting(StripeEventMessage::type).contains("payment_intent.succeeded");
        String pi = column(tx, "stripe_payment_intent_id");
        assertThat(pi).startsWith("pi_");
        assertThat(wallets.balance(wallet)).isEqualTo(3_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED

        // the real payment_intent.succeeded turns up late (and twice): it changes nothing
        StripeEventMessage late = emulator.lostWebhooksOf(tx).stream()
                .filter(e -> e.type().equals("payment_intent.succeeded")).findFirst().orElseThrow();
        assertThat(late.paymentIntentId()).isEqualTo(pi);
        sendStripeEvent(late);
        sendStripeEvent(late);

        await().atMost(PATIENCE).until(() -> eventProcessed(late.eventId()));
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        assertThat(wallets.balance(wallet)).isEqualTo(3_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2);
        assertThat(emulator.paymentIntentsOf(tx)).hasSize(1);
    }

    @Test
    void failsAThreeDSecureDepositAfterTheTimeoutAndCancelsItsPaymentIntent() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_500, "pm_card_threeDSecure2Required", cipher);
        UUID tx = deposit.transactionId();

        send(deposit);

        await().atMost(PATIENCE).until(() -> column(tx, "stripe_payment_intent_id") != null);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING"); // the customer may still authenticate
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(column(tx, "failure_reason")).isEqualTo("PAYMENT_FAILED");
        List<JsonNode> intents = emulator.paymentIntentsOf(tx);
        assertThat(intents).hasSize(1);
        assertThat(intents.get(0).path("id").asString()).isEqualTo(column(tx, "stripe_payment_intent_id"));
        assertThat(intents.get(0).path("status").asString()).isEqualTo("canceled");
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(wallets.ledgerEntries(tx)).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, FAILED
    }

    @Test
    void keepsAnAmbiguouslyFailedDepositProcessingAndCompletesItWithOnePaymentIntent() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 2_200, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        // 500 before any work, more than stripe-java's retries (1 in tests) of the command and of the
        // reconciler's first attempt
        assertThat(emulator.post("/_emulator/faults", """
                {"kind":"error_before","count":4,"method":"POST","path":"/v1/payment_intents"}""")).isLessThan(300);

        send(deposit);

        await().atMost(PATIENCE).until(() -> StripeStub.get().requestsFor(tx.toString()).size() >= 2);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(StripeStub.get().requestsFor(tx.toString())).hasSizeGreaterThanOrEqualTo(3)
                .extracting(StripeStub.Request::idempotencyKey).containsOnly("deposit-" + tx);
        assertThat(emulator.paymentIntentsOf(tx)).hasSize(1);
        assertThat(column(tx, "stripe_payment_intent_id")).isEqualTo(emulator.paymentIntentsOf(tx).get(0).path("id").asString());
        assertThat(wallets.balance(wallet)).isEqualTo(2_200).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED: never FAILED on the way
    }

    @Test
    void failsADepositWhosePaymentIntentStripeForgotOnlyAfterTheTimeoutWithAnOperatorRecord() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID tx = depositWithARecordedPaymentIntent(wallets, wallet, 1_800);
        String pi = column(tx, "stripe_payment_intent_id");
        int lookedUp = lookups(pi);
        assertThat(emulator.post("/_emulator/reset", "")).isEqualTo(204); // Stripe no longer knows the PaymentIntent

        // answered 404 and looked at again: still open while the timeout has not passed
        await().atMost(PATIENCE).until(() -> lookups(pi) >= lookedUp + 2);
        assertThat(ageOf(tx)).isLessThan(MISSING_OBJECT_TIMEOUT);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(existenceRecords(tx)).isEmpty();

        await().atMost(PATIENCE.plus(MISSING_OBJECT_TIMEOUT)).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(column(tx, "failure_reason")).isEqualTo("PAYMENT_FAILED");
        assertThat(endedAfter(tx)).isGreaterThanOrEqualTo(MISSING_OBJECT_TIMEOUT);
        assertThat(existenceRecords(tx)).containsExactly(pi + " existence " + pi + " missing");
        assertThat(wallets.balance(wallet)).isZero().isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, FAILED
        assertThat(emulator.paymentIntentsOf(tx)).isEmpty();
    }

    @Test
    void neverEndsADepositWhileItsPaymentIntentCannotBeRetrievedEvenPastTheTimeout() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID tx = depositWithARecordedPaymentIntent(wallets, wallet, 900);
        String pi = column(tx, "stripe_payment_intent_id");
        assertThat(emulator.post("/_emulator/reset", "")).isEqualTo(204);
        // every retrieve of it fails with a 500 (stripe-java retries once): nothing is known
        assertThat(emulator.post("/_emulator/faults", """
                {"kind":"error_before","count":100000,"method":"GET","path":"/v1/payment_intents/%s"}""".formatted(pi)))
                .isLessThan(300);

        await().atMost(PATIENCE.plus(MISSING_OBJECT_TIMEOUT)).until(() -> ageOf(tx).compareTo(MISSING_OBJECT_TIMEOUT) > 0);
        int lookedUp = lookups(pi);
        await().atMost(PATIENCE).until(() -> lookups(pi) >= lookedUp + 4); // two more rounds past the timeout
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(existenceRecords(tx)).isEmpty();

        emulator.clearFaults(); // Stripe answers again: no such PaymentIntent, and the timeout has passed
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(existenceRecords(tx)).containsExactly(pi + " existence " + pi + " missing");
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(wallets.ledgerEntries(tx)).isZero();
    }

    /** A deposit left PROCESSING with its PaymentIntent recorded (3-D Secure: the customer has yet to act). */
    private UUID depositWithARecordedPaymentIntent(WalletFixture wallets, UUID wallet, long amount) {
        DepositFunds deposit = wallets.pendingDeposit(wallet, amount, "pm_card_threeDSecure2Required", cipher);
        UUID tx = deposit.transactionId();
        send(deposit);
        await().atMost(PATIENCE).until(() -> column(tx, "stripe_payment_intent_id") != null);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        return tx;
    }

    private static int lookups(String paymentIntent) {
        return StripeStub.get().requestsTo("GET", "/v1/payment_intents/" + paymentIntent).size();
    }

    private Duration ageOf(UUID tx) {
        return Duration.ofMillis(jdbc.sql("SELECT floor(EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::bigint "
                + "FROM transactions WHERE id = :id").param("id", tx).query(Long.class).single());
    }

    private Duration endedAfter(UUID tx) {
        return Duration.ofMillis(jdbc.sql("SELECT floor(EXTRACT(EPOCH FROM (updated_at - created_at)) * 1000)::bigint "
                + "FROM transactions WHERE id = :id").param("id", tx).query(Long.class).single());
    }

    private List<String> existenceRecords(UUID tx) {
        return jdbc.sql("""
                SELECT stripe_object_id || ' ' || field || ' ' || recorded || ' ' || reported FROM stripe_disagreements
                WHERE transaction_id = :tx AND field = 'existence' AND resolved_at IS NULL""")
                .param("tx", tx).query(String.class).list();
    }
}
