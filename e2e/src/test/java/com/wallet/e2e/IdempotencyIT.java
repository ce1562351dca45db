package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Money moves once per request, whether the client retries with its key or Kafka redelivers the command. */
class IdempotencyIT {

    private final WalletApi api = new WalletApi();
    private final Ledger ledger = new Ledger();

    @Test
    void theSameIdempotencyKeyTwiceReturnsTheSameTransactionAndMovesMoneyOnce() {
        String user = api.token("retrier-" + UUID.randomUUID(), false);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        api.fund(user, from, 1_000);
        String key = "retry-" + UUID.randomUUID();

        String first = api.transfer(user, from, to, 300, key).path("id").asString();
        String second = api.transfer(user, from, to, 300, key).path("id").asString();
        api.awaitFinal(user, first);
        String third = api.transfer(user, from, to, 300, key).path("id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(api.balance(user, from)).isEqualTo(700);
        assertThat(api.balance(user, to)).isEqualTo(300);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String user = api.token("reuser-" + UUID.randomUUID(), false);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        String key = "reuse-" + UUID.randomUUID();
        api.transfer(user, from, to, 100, key);

        WalletApi.Response reused = api.transferCall(user, from, to, 999, key);

        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.classification()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aCommandDeliveredTwiceByKafkaMovesMoneyOnce() {
        String user = api.token("redelivery-" + UUID.randomUUID(), false);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        api.fund(user, from, 1_000);
        String transferId = api.transfer(user, from, to, 250, null).path("id").asString();
        api.awaitFinal(user, transferId);

        List<ConsumerRecord<String, String>> original =
                Topics.read("wallet.commands", r -> r.value().contains(transferId));
        assertThat(original).hasSize(1);
        Topics.send("wallet.commands", original.get(0).key(), original.get(0).value());
        String marker = api.transfer(user, from, to, 1, null).path("id").asString();
        // Same partition (same key), so once the later command is final the redelivered one was consumed.
        await().atMost(Duration.ofSeconds(60)).until(() -> WalletApi.FINAL.contains(
                api.transaction(user, marker).path("status").asString()));

        assertThat(api.balance(user, from)).isEqualTo(1_000 - 250 - 1);
        assertThat(api.balance(user, to)).isEqualTo(251);
        assertThat(ledger.postingsOf(transferId)).isEqualTo(2);
        ledger.assertConsistent(from, to);
    }
}
