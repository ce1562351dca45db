package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.testsupport.LocalServices;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SubmitTransactionIT extends GatewayITBase {

    @Autowired
    private DataSource dataSource;

    private final CommandCodec codec = new CommandCodec(
            KeyRing.parse(LocalServices.ENCRYPTION_KEY, "").cipher(KeyRing.Purpose.COMMANDS), JSON);

    @Test
    void depositIsAcceptedPendingRecordedOnceAndPublishedEncrypted() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply reply = deposit(user, wallet, 12_345, "rent for march", null);

        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        JsonNode tx = reply.data("deposit");
        String txId = tx.path("id").asString();
        assertThat(tx.path("status").asString()).isEqualTo("PENDING");
        assertThat(tx.path("transactionType").asString()).isEqualTo("DEPOSIT");
        assertThat(tx.path("amount").asLong()).isEqualTo(12_345);
        assertThat(tx.path("currency").asString()).isEqualTo("USD");
        assertThat(tx.path("walletId").asString()).isEqualTo(wallet);
        assertThat(tx.path("description").asString()).isEqualTo("rent for march");

        assertThat(rows("transactions", "id", txId)).isEqualTo(1);
        assertThat(rows("outbox_events", "transaction_id", txId)).isEqualTo(1);
        assertThat(rows("command_outbox", "command_id", txId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM transactions WHERE id = CAST(:id AS uuid)").param("id", txId)
                .query(String.class).single()).isEqualTo("PENDING");
        assertStoredEncrypted(txId, "rent for march");
        JsonNode event = JSON.readTree(jdbc.sql("SELECT payload::text FROM outbox_events WHERE transaction_id = "
                + "CAST(:id AS uuid)").param("id", txId).query(String.class).single());
        assertThat(event.path("status").asString()).isEqualTo("PENDING");
        assertThat(event.path("type").asString()).isEqualTo("DEPOSIT");
        assertThat(event.path("amount").asLong()).isEqualTo(12_345);
        assertThat(event.path("walletId").asString()).isEqualTo(wallet);
        assertThat(event.path("sequence").asLong()).isZero();
        assertThat(java.time.Instant.parse(event.path("occurredAt").asString())).isNotNull();
        assertThat(event.toString()).doesNotContain("rent for march");

        List<ConsumerRecord<String, String>> records = awaitPublished(txId, wallet);
        assertThat(records).hasSize(1);
        CommandEnvelope envelope = JSON.readValue(records.get(0).value(), CommandEnvelope.class);
        assertThat(envelope.commandId()).isEqualTo(txId);
        assertThat(envelope.walletId()).isEqualTo(wallet);
        assertThat(records.get(0).value()).doesNotContain("12345").doesNotContain("rent").doesNotContain("pm_card");
        JsonNode clear = JSON.readTree(records.get(0).value());
        assertThat(clear.propertyNames()).containsExactlyInAnyOrder("commandId", "walletId", "keyId", "payload");
        assertThat(clear.path("keyId").asString()).isEqualTo(KeyRing.parse(LocalServices.ENCRYPTION_KEY, "").currentKeyId());
        // the only headers are the request id (contract section 5) and the W3C trace context (section 11),
        // never anything of the command
        assertThat(records.get(0).headers().toArray()).extracting(org.apache.kafka.common.header.Header::key)
                .containsExactlyInAnyOrder("X-Request-Id", "traceparent");
        assertThat(new String(records.get(0).headers().lastHeader("X-Request-Id").value(),
                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(jdbc.sql("SELECT request_id FROM transactions WHERE id = CAST(:id AS uuid)")
                        .param("id", txId).query(String.class).single());
        WalletCommand command = codec.open(envelope);
        assertThat(command).isEqualTo(new DepositFunds(UUID.fromString(txId), UUID.fromString(wallet), 12_345, "USD",
                "pm_card_visa"));
    }

    @Test
    void transferIsKeyedBySourceWalletAndCarriesBothWallets() {
        String alice = token(newUser());
        String bob = token(newUser());
        String from = createWallet(alice, "EUR");
        String to = createWallet(bob, "EUR");

        Reply reply = transfer(alice, from, to, 500, "dinner", null);

        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        JsonNode tx = reply.data("transfer");
        String txId = tx.path("id").asString();
        assertThat(tx.path("status").asString()).isEqualTo("PENDING");
        assertThat(tx.path("counterpartyWalletId").asString()).isEqualTo(to);
        assertThat(tx.path("currency").asString()).isEqualTo("EUR");
        assertThat(rows("transactions", "id", txId)).isEqualTo(1);
        assertThat(rows("outbox_events", "transaction_id", txId)).isEqualTo(1);
        assertThat(rows("command_outbox", "command_id", txId)).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = awaitPublished(txId, from);
        assertThat(records).hasSize(1);
        assertThat(commandsKeyedBy(to)).isEmpty();
        assertThat(records.get(0).value()).doesNotContain("dinner").doesNotContain("\"500\"").doesNotContain(to);
        assertThat(codec.open(JSON.readValue(records.get(0).value(), CommandEnvelope.class)))
                .isEqualTo(new TransferFunds(UUID.fromString(txId), UUID.fromString(from), UUID.fromString(to), 500,
                        "EUR"));
    }

    /** A read left open (an unclosed JdbcClient stream) would keep its connection: the pool would run dry. */
    @Test
    void everyMutationGivesItsDatabaseConnectionBack() throws Exception {
        String alice = token(newUser());
        String from = createWallet(alice, "USD");
        String to = createWallet(token(newUser()), "USD");
        for (int i = 0; i < 3; i++) {
            Reply reply = transfer(alice, from, to, 1 + i, null, null);
            assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        }
        assertThat(deposit(alice, from, 5, null, null).ok()).isTrue();

        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveConnections() == 0);
    }

    @Test
    void withdrawalIsAcceptedPending() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply reply = withdraw(user, wallet, 700);

        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        String txId = reply.data("withdraw").path("id").asString();
        List<ConsumerRecord<String, String>> records = awaitPublished(txId, wallet);
        assertThat(records).hasSize(1);
        assertThat(codec.open(JSON.readValue(records.get(0).value(), CommandEnvelope.class)))
                .isEqualTo(new WithdrawFunds(UUID.fromString(txId), UUID.fromString(wallet), 700, "USD"));
    }

    @Test
    void sameIdempotencyKeyTwiceReturnsTheSameTransactionAndPublishesOnce() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply first = deposit(user, wallet, 1_000, "once", "key-1");
        Reply second = deposit(user, wallet, 1_000, "once", "key-1");

        assertThat(first.ok()).as(first.body().toString()).isTrue();
        assertThat(second.ok()).as(second.body().toString()).isTrue();
        String txId = first.data("deposit").path("id").asString();
        assertThat(second.data("deposit").path("id").asString()).isEqualTo(txId);
        assertThat(transactionsOf(wallet)).isEqualTo(1);
        assertThat(rows("command_outbox", "wallet_id", wallet)).isEqualTo(1);
        assertThat(rows("outbox_events", "wallet_id", wallet)).isEqualTo(1);
        assertThat(awaitPublished(txId, wallet)).hasSize(1);
    }

    @Test
    void concurrentIdenticalRequestsCreateOneTransaction() throws Exception {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> deposit(user, wallet, 2_500, "race", "race-key"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                Reply reply = f.get();
                assertThat(reply.ok()).as(reply.body().toString()).isTrue();
                ids.add(reply.data("deposit").path("id").asString());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(transactionsOf(wallet)).isEqualTo(1);
            assertThat(awaitPublished(ids.get(0), wallet)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameKeyAcrossUsersIsIndependent() {
        String alice = token(newUser());
        String bob = token(newUser());
        String a = createWallet(alice, "USD");
        String b = createWallet(bob, "USD");

        Reply first = deposit(alice, a, 100, null, "shared-key");
        Reply second = deposit(bob, b, 100, null, "shared-key");

        assertThat(first.ok()).isTrue();
        assertThat(second.ok()).isTrue();
        assertThat(first.data("deposit").path("id").asString())
                .isNotEqualTo(second.data("deposit").path("id").asString());
    }

    @Test
    void relayResendsACommandWhoseSendNeverCompleted() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        String txId = deposit(user, wallet, 42, null, null).data("deposit").path("id").asString();
        awaitPublished(txId, wallet);
        // Simulate a gateway that died between commit and send: the row is unpublished and stale.
        jdbc.sql("UPDATE command_outbox SET published_at = NULL, created_at = now() - interval '1 minute' "
                + "WHERE command_id = CAST(:id AS uuid)").param("id", txId).update();

        await().atMost(Duration.ofSeconds(20)).until(() -> published(txId));
        // the request id is kept on the row: the relayed record carries the accepted request's id
        String requestId = jdbc.sql("SELECT request_id FROM transactions WHERE id = CAST(:id AS uuid)")
                .param("id", txId).query(String.class).single();
        assertThat(requestId).isNotBlank();
        assertThat(commandsKeyedBy(wallet)).hasSize(2)
                .allSatisfy(r -> assertThat(JSON.readValue(r.value(), CommandEnvelope.class).commandId())
                        .isEqualTo(txId))
                .allSatisfy(r -> assertThat(r.headers().lastHeader("X-Request-Id")).isNotNull()
                        .extracting(h -> new String(h.value(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(requestId));
    }

    private boolean published(String txId) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM command_outbox WHERE command_id = CAST(:id AS uuid)")
                .param("id", txId).query(Boolean.class).single();
    }

    private List<ConsumerRecord<String, String>> awaitPublished(String txId, String wallet) {
        await().atMost(Duration.ofSeconds(20)).until(() -> published(txId));
        return commandsKeyedBy(wallet);
    }

    private void assertStoredEncrypted(String txId, String description) {
        byte[] stored = jdbc.sql("SELECT description FROM transactions WHERE id = CAST(:id AS uuid)")
                .param("id", txId).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(description);
        FieldCipher cipher = KeyRing.parse(LocalServices.ENCRYPTION_KEY, "").cipher(KeyRing.Purpose.AT_REST);
        assertThat(new String(cipher.open(stored, "transactions.description:" + txId),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(description);
        byte[] method = jdbc.sql("SELECT payment_method FROM transactions WHERE id = CAST(:id AS uuid)")
                .param("id", txId).query(byte[].class).single();
        assertThat(new String(cipher.open(method, "transactions.payment_method:" + txId),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("pm_card_visa");
    }
}
