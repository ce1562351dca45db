package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9.6 on the running system: the Kafka Streams aggregates on wallet.analytics.* count a wallet's
 * transactions per type and status in the day they were created, and follow a reversal: the reversed
 * withdrawal leaves COMPLETED and is counted REVERSED.
 */
class AnalyticsIT {

    private final WalletApi api = new WalletApi();
    private final StripeEmulator stripe = new StripeEmulator();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void perWalletDailyCountsFollowAReversal() {
        String user = api.token("analytics-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        String day = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        api.fund(user, wallet, 1_000);
        JsonNode withdrawn = api.awaitFinal(user, api.withdraw(user, wallet, 400).path("id").asString());
        assertThat(withdrawn.path("status").asString()).isEqualTo("COMPLETED");
        String key = wallet + "|DAY|" + day + "|USD|";

        await("the completed deposit and withdrawal are counted").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, JsonNode> latest = latest("wallet.analytics.wallet-activity.day", wallet);
            assertThat(count(latest, key + "DEPOSIT|COMPLETED")).isEqualTo(1);
            assertThat(count(latest, key + "WITHDRAWAL|COMPLETED")).isEqualTo(1);
            assertThat(latest.get(key + "WITHDRAWAL|COMPLETED").path("amount").asLong()).isEqualTo(400);
        });

        stripe.reverseTransfer(withdrawn.path("stripeTransferId").asString());

        await("the reversal moves the withdrawal from COMPLETED to REVERSED").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    Map<String, JsonNode> latest = latest("wallet.analytics.wallet-activity.day", wallet);
                    assertThat(count(latest, key + "WITHDRAWAL|COMPLETED")).isZero();
                    assertThat(count(latest, key + "WITHDRAWAL|REVERSED")).isEqualTo(1);
                    assertThat(count(latest, key + "DEPOSIT|COMPLETED")).isEqualTo(1);
                });
        Map<String, JsonNode> global = latest("wallet.analytics.activity.minute", "MINUTE|");
        assertThat(global.keySet()).as("global per-minute aggregates exist").isNotEmpty();
    }

    /** The last value of each key on the topic whose key starts with the prefix (the topic is a changelog). */
    private Map<String, JsonNode> latest(String topic, String keyPrefix) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : Topics.read(topic, r -> r.key() != null && r.key().startsWith(keyPrefix))) {
            latest.put(r.key(), json.readTree(r.value()));
        }
        return latest;
    }

    private static long count(Map<String, JsonNode> latest, String key) {
        JsonNode stats = latest.get(key);
        return stats == null ? 0 : stats.path("count").asLong();
    }
}
