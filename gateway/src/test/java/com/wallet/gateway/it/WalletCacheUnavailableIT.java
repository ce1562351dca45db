package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.LocalServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose cache Redis cannot be reached (WALLET_CACHE_REDIS_URL on a port where nothing
 * listens; sessions and rate limits have theirs): wallet reads and mutations still work, from
 * PostgreSQL, promptly, and the fall-through is counted.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet.jwt.secret=" + LocalServices.JWT_SECRET,
        "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY,
        "wallet.cache.enabled=true",
        "wallet.cache.url=redis://127.0.0.1:1"})
class WalletCacheUnavailableIT extends GatewayClientBase {

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalServices.register(registry, "wallet_gateway_test", Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ,
                Topics.STRIPE_EVENTS, Topics.WALLET_TRANSACTIONS);
    }

    @Test
    void walletReadsFallThroughToPostgresqlAndAreCounted() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        jdbc.sql("UPDATE wallets SET balance = 250 WHERE id = CAST(:id AS uuid)").param("id", wallet).update();
        double errors = errors();

        long started = System.nanoTime();
        Reply reply = graphql(user, "query($id: String!) { getWallet(id: $id) { balance } }", Map.of("id", wallet));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        assertThat(reply.data("getWallet").path("balance").asLong()).isEqualTo(250);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(errors()).isGreaterThan(errors);
    }

    private double errors() {
        var counter = meters.find("wallet.cache.reads").tag("result", "error").counter();
        return counter == null ? 0 : counter.count();
    }
}
