package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.WithdrawFunds;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deposits and withdrawals against the real Stripe emulator module ({@link StripeEmulator}: its
 * executable jar as a child process, its signed webhooks turned into stripe.events records as
 * webhook-ingest does). Skipped when the emulator jar has not been built
 * ({@code mvn -B -pl stripe-emulator -am package -DskipTests}).
 */
@EnabledIf("emulatorBuilt")
class StripeEmulatorIT extends EmulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String get(String path) throws Exception {
        return emulator.get(path);
    }

    private static int post(String path, String json) throws Exception {
        return emulator.post(path, json);
    }

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    @Test
    void declinedCardAtConfirmationEndsCardDeclined() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_200, "pm_card_chargeDeclined", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "failure_reason")).isEqualTo("CARD_DECLINED");
        String pi = column(deposit.transactionId(), "stripe_payment_intent_id");
        assertThat(pi).startsWith("pi_");
        JsonNode intents = JSON.readTree(get("/_emulator/objects?type=payment_intent"));
        assertThat(intents.toString()).contains(pi).contains(deposit.transactionId().toString());
        assertThat(wallets.balance(wallet)).isZero();
    }

    @Test
    void depositIsCreditedByTheSucceededWebhook() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 3_300, "pm_card_visa", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "stripe_payment_intent_id")).startsWith("pi_");
        assertThat(wallets.balance(wallet)).isEqualTo(3_300).isEqualTo(wallets.postingsOf(wallet));
    }

    @Test
    void depositSurvivesRateLimitsAndServerErrors() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_000, "pm_card_visa", cipher);
        assertThat(post("/_emulator/faults", """
                {"kind":"rate_limit","count":2,"path":"/v1/payment_intents"}""")).isLessThan(300);
        assertThat(post("/_emulator/faults", """
                {"kind":"error_after","count":1,"path":"/v1/payment_intents"}""")).isLessThan(300);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId())));
        assertThat(wallets.balance(wallet)).isEqualTo(1_000);
        JsonNode intents = JSON.readTree(get("/_emulator/objects?type=payment_intent"));
        long created = 0;
        for (JsonNode intent : intents.isArray() ? intents : intents.path("data")) {
            if (intent.toString().contains(deposit.transactionId().toString())) {
                created++;
            }
        }
        assertThat(created).isEqualTo(1);
    }

    @Test
    void withdrawalIsPaidOutAndReversedByTheWebhook() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_emulated");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 300);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        String transfer = column(tx, "stripe_transfer_id");
        assertThat(transfer).startsWith("tr_");
        assertThat(wallets.balance(wallet)).isEqualTo(700);

        assertThat(post("/_emulator/transfers/" + transfer + "/reverse", "{}")).isLessThan(300);

        await().atMost(PATIENCE).until(() -> "REVERSED".equals(wallets.status(tx)));
        assertThat(wallets.balance(wallet)).isEqualTo(1_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
    }

    @Test
    void theRowsRequestIdGoesToStripeAsMetadataAndComesBackInItsWebhooks() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_emulated");
        DepositFunds deposit = wallets.pendingDeposit(wallet, 800, "pm_card_visa", cipher);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 200);
        String depositRequest = "req-" + UUID.randomUUID();
        String withdrawalRequest = "req-" + UUID.randomUUID();
        jdbc.sql("UPDATE transactions SET request_id = :r WHERE id = :id").param("r", depositRequest)
                .param("id", deposit.transactionId()).update();
        jdbc.sql("UPDATE transactions SET request_id = :r WHERE id = :id").param("r", withdrawalRequest)
                .param("id", withdrawal.transactionId()).update();

        send(deposit);
        send(withdrawal);
        // a redelivered deposit asks Stripe again under the same key: the same metadata, no idempotency_error
        send(deposit);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId()))
                && "COMPLETED".equals(wallets.status(withdrawal.transactionId())));
        String pi = column(deposit.transactionId(), "stripe_payment_intent_id");
        String tr = column(withdrawal.transactionId(), "stripe_transfer_id");
        assertThat(metadataOf("payment_intent", pi).path("request_id").asString()).isEqualTo(depositRequest);
        assertThat(metadataOf("transfer", tr).path("request_id").asString()).isEqualTo(withdrawalRequest);
        // Stripe's events carry the object, metadata included: webhook-ingest reads the id from there
        JsonNode webhooks = JSON.readTree(get("/_emulator/webhooks"));
        List<JsonNode> succeeded = new java.util.ArrayList<>();
        for (JsonNode w : webhooks) {
            if ("payment_intent.succeeded".equals(w.path("type").asString()) && pi.equals(w.path("objectId").asString())) {
                succeeded.add(w);
            }
        }
        assertThat(succeeded).isNotEmpty().allSatisfy(w -> assertThat(
                w.path("event").path("data").path("object").path("metadata").path("request_id").asString())
                .isEqualTo(depositRequest));
        assertThat(wallets.balance(wallet)).isEqualTo(1_600).isEqualTo(wallets.postingsOf(wallet));
    }

    private static JsonNode metadataOf(String type, String id) throws Exception {
        for (JsonNode object : JSON.readTree(get("/_emulator/objects?type=" + type))) {
            if (id.equals(object.path("id").asString())) {
                return object.path("metadata");
            }
        }
        throw new AssertionError(type + " " + id + " not at the emulator");
    }
}
