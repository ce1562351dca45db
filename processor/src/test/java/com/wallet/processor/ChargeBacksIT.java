package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.WalletPosting;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunds and disputes of deposits through the real emulator and its signed webhooks (contract
 * section 7): a dispute lost keeps the money taken, a dispute won (charge.dispute.closed won and
 * charge.dispute.funds_reinstated, the same money) gives it back once, refunds and disputes never
 * take the same money twice, and a refund seen before the succeeded event nets against it. Every
 * movement is on wallet.transactions, so folding the postings gives the balance.
 */
@EnabledIf("emulatorBuilt")
class ChargeBacksIT extends EmulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void clearFaults() throws Exception {
        emulator.clearFaults();
    }

    @Test
    void aDisputeLostKeepsTheMoneyTakenWhenItWasOpened() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID tx = depositCompleted(wallets, wallet, 1_000);

        String dispute = openDispute(tx, "{}");
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 0);
        close(dispute, "lost");

        awaitProcessed("charge.dispute.closed", dispute);
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        assertThat(clearing(tx, "DISPUTE")).isEqualTo(1_000);
        assertBalancesAreTheFoldOfTheTopic(List.of(tx), wallet);
    }

    @Test
    void aDisputeWonGivesTheMoneyBackOnceThoughStripeSaysItTwice() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(250);
        UUID tx = depositCompleted(wallets, wallet, 1_000);

        String dispute = openDispute(tx, "{\"amount\": 400}");
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 850);
        // Stripe may send both outcome events twice; the same money comes back once.
        emulator.post("/_emulator/webhooks/faults", "{\"kind\":\"duplicate\",\"count\":2}");
        close(dispute, "won");

        awaitProcessed("charge.dispute.closed", dispute);
        awaitProcessed("charge.dispute.funds_reinstated", dispute);
        assertThat(wallets.balance(wallet)).isEqualTo(1_250);
        assertThat(clearing(tx, "DISPUTE")).isEqualTo(400);
        assertThat(clearing(tx, "DISPUTE_REINSTATEMENT")).isEqualTo(-400);
        assertBalancesAreTheFoldOfTheTopic(List.of(tx), wallet);
    }

    @Test
    void aDisputeWonCoversTheShortfallItLeftBeforeCreditingTheWallet() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID other = wallets.aWalletWith(0);
        UUID tx = depositCompleted(wallets, wallet, 1_000);
        var spend = wallets.pendingTransfer(wallet, other, 700);
        send(spend);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(spend.transactionId())));

        String dispute = openDispute(tx, "{}");
        await().atMost(PATIENCE).until(() -> openShortfall(tx) == 700);
        assertThat(wallets.balance(wallet)).isZero();
        close(dispute, "won");

        await().atMost(PATIENCE).until(() -> openShortfall(tx) == 0);
        awaitProcessed("charge.dispute.funds_reinstated", dispute);
        // 300 was taken from the wallet and comes back; the 700 it could not pay is no longer owed.
        assertThat(wallets.balance(wallet)).isEqualTo(300);
        assertThat(jdbc.sql("SELECT count(*) FROM shortfalls WHERE transaction_id = :tx AND resolved_at IS NULL")
                .param("tx", tx).query(Long.class).single()).isZero();
        assertBalancesAreTheFoldOfTheTopic(List.of(tx, spend.transactionId()), wallet);
    }

    @Test
    void aRefundAndADisputeOfTheSameChargeNeverTakeTheSameMoneyTwice() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(500);
        UUID tx = depositCompleted(wallets, wallet, 1_000);

        assertThat(emulator.post("/_emulator/payment_intents/" + paymentIntent(tx) + "/refund", "{\"amount\": 600}"))
                .isLessThan(300);
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 900);
        // The cardholder disputes the whole charge although 600 was refunded: only 400 is left to take.
        String dispute = openDispute(tx, "{}");
        await().atMost(PATIENCE).until(() -> clearing(tx, "DISPUTE") == 400);
        assertThat(wallets.balance(wallet)).isEqualTo(500);

        close(dispute, "won");
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 900);
        awaitProcessed("charge.dispute.funds_reinstated", dispute);
        assertThat(wallets.balance(wallet)).isEqualTo(900);
        assertThat(clearing(tx, "REFUND")).isEqualTo(600);
        assertBalancesAreTheFoldOfTheTopic(List.of(tx), wallet);
    }

    @Test
    void aRefundSeenBeforeTheSucceededEventNetsAgainstTheCreditWithoutAShortfall() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        // Hold the next two webhooks (succeeded, then refunded) and deliver them newest first.
        emulator.post("/_emulator/webhooks/faults", "{\"kind\":\"reorder\",\"count\":2}");

        send(deposit);
        await().atMost(PATIENCE).until(() -> paymentIntent(tx) != null);
        assertThat(emulator.post("/_emulator/payment_intents/" + paymentIntent(tx) + "/refund", "{}")).isLessThan(300);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(clearing(tx, "DEPOSIT")).isEqualTo(-1_000);
        assertThat(clearing(tx, "REFUND")).isEqualTo(1_000);
        assertThat(jdbc.sql("SELECT count(*) FROM shortfalls WHERE transaction_id = :tx").param("tx", tx)
                .query(Long.class).single()).isZero();
        assertThat(emulator.paymentIntentsOf(tx)).hasSize(1);
        assertBalancesAreTheFoldOfTheTopic(List.of(tx), wallet);
        // The refund netted at settlement is reported after the COMPLETED event, and as COMPLETED:
        // a consumer that follows the status (the analytics) never sees the deposit go back to PROCESSING.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventsOf(Set.of(tx)).stream()
                .map(ConsumerRecord::value)
                .sorted(java.util.Comparator.comparingLong(TransactionEvent::walletSequence))
                .map(e -> e.status().name() + (e.postings().isEmpty() ? "" : "+postings")).toList())
                .endsWith("COMPLETED+postings", "COMPLETED+postings"));
    }

    private UUID depositCompleted(WalletFixture wallets, UUID wallet, long amount) throws Exception {
        DepositFunds deposit = wallets.pendingDeposit(wallet, amount, "pm_card_visa", cipher);
        long before = wallets.balance(wallet);
        send(deposit);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(deposit.transactionId())));
        assertThat(wallets.balance(wallet)).isEqualTo(before + amount);
        assertThat(emulator.paymentIntentsOf(deposit.transactionId())).hasSize(1);
        return deposit.transactionId();
    }

    private String openDispute(UUID tx, String body) throws Exception {
        HttpAnswer answer = postForBody("/_emulator/payment_intents/" + paymentIntent(tx) + "/dispute", body);
        return answer.json().path("id").asString();
    }

    private void close(String dispute, String outcome) throws Exception {
        assertThat(postForBody("/_emulator/disputes/" + dispute + "/close", "{\"status\":\"" + outcome + "\"}").json()
                .path("status").asString()).isEqualTo(outcome);
    }

    private record HttpAnswer(JsonNode json) {
    }

    private HttpAnswer postForBody(String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url() + path))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return new HttpAnswer(JSON.readTree(response.body()));
    }

    private String paymentIntent(UUID tx) {
        Object pi = fixture().row(tx).get("stripe_payment_intent_id");
        return pi == null ? null : pi.toString();
    }

    /** Waits until the processor recorded an event of this type for this Stripe object (dispute or charge). */
    private void awaitProcessed(String type, String objectId) {
        await().atMost(PATIENCE).until(() -> {
            JsonNode deliveries = JSON.readTree(emulator.get("/_emulator/webhooks"));
            for (JsonNode d : deliveries) {
                if (type.equals(d.path("type").asString()) && objectId.equals(d.path("objectId").asString())) {
                    String eventId = d.path("eventId").asString();
                    if (jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                            .param("id", eventId).query(Long.class).single() == 0) {
                        return false;
                    }
                    return true;
                }
            }
            return false;
        });
    }

    private long clearing(UUID tx, String kind) {
        return jdbc.sql("""
                SELECT COALESCE(sum(amount), 0) FROM ledger_entries
                WHERE transaction_id = :tx AND account = 'STRIPE_CLEARING' AND entry_kind = :kind""")
                .param("tx", tx).param("kind", kind).query(Long.class).single();
    }

    private long openShortfall(UUID tx) {
        return -jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE transaction_id = :tx AND account = 'SHORTFALL'")
                .param("tx", tx).query(Long.class).single();
    }

    /**
     * The wallet's balance is the sum of its postings, and the postings these transactions' events
     * carry on wallet.transactions are exactly their ledger postings (contract 6.6).
     */
    private void assertBalancesAreTheFoldOfTheTopic(List<UUID> txs, UUID wallet) {
        WalletFixture wallets = fixture();
        assertThat(wallets.unbalancedTransactions(txs)).isZero();
        assertThat(wallets.postingsOf(wallet)).isEqualTo(wallets.balance(wallet));
        long ledger = jdbc.sql("""
                SELECT COALESCE(sum(amount), 0) FROM ledger_entries
                WHERE wallet_id = :w AND account = 'WALLET' AND transaction_id IN (:txs)""")
                .param("w", wallet).param("txs", txs).query(Long.class).single();
        await().atMost(PATIENCE).untilAsserted(() -> {
            long folded = 0;
            for (ConsumerRecord<String, TransactionEvent> r : eventsOf(Set.copyOf(txs))) {
                for (WalletPosting p : r.value().postings()) {
                    if (wallet.equals(p.walletId())) {
                        folded += p.amount();
                    }
                }
            }
            assertThat(folded).isEqualTo(ledger);
        });
    }
}
