package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.LocalServices;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose Redis cannot be reached (a port where nothing listens): it still starts, and every
 * request with a valid token is refused as UNAVAILABLE within 5 s, with nothing stored or published, because
 * the token's revocation cannot be checked. Fails closed: reads too, a revoked token must not read either.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet.jwt.secret=" + LocalServices.JWT_SECRET,
        "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY})
class RedisUnavailableIT extends GatewayClientBase {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalServices.register(registry, "wallet_gateway_test", Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ,
                Topics.STRIPE_EVENTS, Topics.WALLET_TRANSACTIONS);
        registry.add("wallet.redis.urls", () -> "redis://127.0.0.1:1"); // nothing listens there
    }

    @Test
    void mutationsAreRefusedAsUnavailableWithinFiveSecondsAndNothingIsAccepted() {
        String user = newUser();
        String wallet = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO wallets (id, user_id, currency) VALUES (CAST(:id AS uuid), :u, 'USD')")
                .param("id", wallet).param("u", user).update();
        String token = token(user);

        long started = System.nanoTime();
        Reply deposit = deposit(token, wallet, 100, null, "k-" + UUID.randomUUID());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(deposit.status()).isEqualTo(503);
        assertThat(deposit.code()).isEqualTo("UNAVAILABLE");
        assertThat(transfer(token, wallet, UUID.randomUUID().toString(), 1, null, null).code()).isEqualTo("UNAVAILABLE");
        assertThat(graphql(token, "mutation { createWallet(input: {currency: \"USD\"}) { id } }", Map.of()).code())
                .isEqualTo("UNAVAILABLE");
        assertThat(graphql(token, "mutation { logout }", Map.of()).code()).isEqualTo("UNAVAILABLE");
        assertThat(graphql(token, "query { myWallets { id } }", Map.of()).code()).isEqualTo("UNAVAILABLE");
        assertThat(transactionsOf(wallet)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM wallets WHERE user_id = :u").param("u", user).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(commandsKeyedBy(wallet)).isEmpty();
        // still 401 for a bad token: the signature is checked before Redis is asked
        assertThat(graphql("not.a.jwt", "query { myWallets { id } }", Map.of()).status()).isEqualTo(401);
    }
}
