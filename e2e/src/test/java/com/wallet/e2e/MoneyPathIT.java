package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole money path through the running system: GraphQL -> Kafka -> processor -> PostgreSQL, Stripe emulator and webhooks. */
class MoneyPathIT {

    private final WalletApi api = new WalletApi();
    private final Ledger ledger = new Ledger();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void cardDepositThenTransferThenWithdrawalMoveExactlyTheirAmounts() {
        String alice = api.token("alice-" + UUID.randomUUID(), false);
        String bob = api.token("bob-" + UUID.randomUUID(), false);
        String aliceWallet = api.createWallet(alice, "USD");
        String bobWallet = api.createWallet(bob, "USD");

        JsonNode deposit = api.deposit(alice, aliceWallet, 10_000, "pm_card_visa", null);
        assertThat(deposit.path("status").asString()).isEqualTo("PENDING");
        JsonNode deposited = api.awaitFinal(alice, deposit.path("id").asString());
        assertThat(deposited.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(deposited.path("stripePaymentIntentId").asString()).startsWith("pi_");
        assertThat(api.balance(alice, aliceWallet)).isEqualTo(10_000);

        JsonNode transfer = api.transfer(alice, aliceWallet, bobWallet, 2_500, null);
        assertThat(transfer.path("status").asString()).isEqualTo("PENDING");
        assertThat(api.awaitFinal(alice, transfer.path("id").asString()).path("status").asString())
                .isEqualTo("COMPLETED");

        JsonNode withdrawal = api.withdraw(bob, bobWallet, 1_000);
        JsonNode withdrawn = api.awaitFinal(bob, withdrawal.path("id").asString());
        assertThat(withdrawn.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(withdrawn.path("stripeTransferId").asString()).startsWith("tr_");

        assertThat(api.balance(alice, aliceWallet)).isEqualTo(7_500);
        assertThat(api.balance(bob, bobWallet)).isEqualTo(1_500);
        ledger.assertConsistent(aliceWallet, bobWallet);

        JsonNode aliceHistory = api.history(alice, aliceWallet, 20, 0);
        assertThat(ids(aliceHistory)).containsExactly(transfer.path("id").asString(), deposit.path("id").asString());
        JsonNode bobHistory = api.history(bob, bobWallet, 20, 0);
        assertThat(ids(bobHistory)).containsExactly(withdrawal.path("id").asString(), transfer.path("id").asString());
        assertThat(ids(api.history(bob, bobWallet, 1, 1))).containsExactly(transfer.path("id").asString());
    }

    @Test
    void declinedCardEndsFailedWithCardDeclinedAndCreditsNothing() {
        String user = api.token("carol-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");

        JsonNode deposit = api.deposit(user, wallet, 5_000, "pm_card_chargeDeclined", null);
        JsonNode done = api.awaitFinal(user, deposit.path("id").asString());

        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("failureReason").asString()).isEqualTo("CARD_DECLINED");
        assertThat(api.balance(user, wallet)).isZero();
        assertThat(ledger.postingsOf(deposit.path("id").asString())).isZero();
    }

    @Test
    void withdrawalAboveTheBalanceFailsInsufficientFunds() {
        String user = api.token("dave-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        api.fund(user, wallet, 500);

        JsonNode withdrawal = api.withdraw(user, wallet, 501);
        JsonNode done = api.awaitFinal(user, withdrawal.path("id").asString());

        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("failureReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.balance(user, wallet)).isEqualTo(500);
        ledger.assertConsistent(wallet);
    }

    @Test
    void everyStateChangeIsPublishedToWalletTransactionsInOrderWithoutSensitiveFields() {
        String user = api.token("erin-" + UUID.randomUUID(), false);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        api.fund(user, from, 1_000);
        String transferId = api.transfer(user, from, to, 400, null).path("id").asString();
        api.awaitFinal(user, transferId);

        List<JsonNode> events = new ArrayList<>();
        await("PENDING and COMPLETED events of the transfer on wallet.transactions")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    events.clear();
                    for (ConsumerRecord<String, String> r : Topics.read("wallet.transactions",
                            r -> r.value().contains(transferId))) {
                        assertThat(r.key()).isEqualTo(from);
                        assertThat(r.value()).doesNotContain("e2e transfer");
                        events.add(json.readTree(r.value()));
                    }
                    return events.size() >= 2;
                });
        assertThat(events).extracting(e -> e.path("status").asString()).containsExactly("PENDING", "COMPLETED");
        JsonNode completed = events.get(1);
        assertThat(completed.path("eventId").asString()).isNotBlank();
        assertThat(completed.path("walletId").asString()).isEqualTo(from);
        assertThat(completed.path("counterpartyWalletId").asString()).isEqualTo(to);
        assertThat(completed.path("type").asString()).isEqualTo("TRANSFER");
        assertThat(completed.path("amount").asLong()).isEqualTo(400);
        assertThat(completed.path("currency").asString()).isEqualTo("USD");
        assertThat(completed.path("occurredAt").asString()).isNotBlank();
    }

    private static List<String> ids(JsonNode transactions) {
        List<String> ids = new ArrayList<>();
        transactions.forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }
}
