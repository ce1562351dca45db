package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.cache.WalletReadCache;
import com.wallet.common.messaging.Topics;
import com.wallet.testsupport.LocalServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wallet read cache against real Redis and PostgreSQL: a read fills it, a repeated read is
 * served from it, a change committed with the processor's eviction (the processor's half is
 * processor WalletCacheEvictionIT) is seen by the next read, the owner check still applies to a
 * cached wallet, and a freeze evicts.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet.jwt.secret=" + LocalServices.JWT_SECRET,
        "wallet.encryption.key=" + LocalServices.ENCRYPTION_KEY,
        "wallet.cache.enabled=true"})
class WalletCacheIT extends GatewayClientBase {

    private static final String GET_WALLET = "query($id: String!) { getWallet(id: $id) { id balance isActive } }";
    private static RedissonClient redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalServices.register(registry, "wallet_gateway_test", Topics.WALLET_COMMANDS, Topics.WALLET_COMMANDS_DLQ,
                Topics.STRIPE_EVENTS, Topics.WALLET_TRANSACTIONS);
    }

    @BeforeAll
    static void connect() {
        Config config = new Config();
        config.useSingleServer().setAddress(LocalServices.redisUrl());
        redis = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
    }

    @Test
    void aReadAfterACommittedChangeSeesTheNewBalance() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertThat(balance(user, wallet)).isZero();
        assertThat(cached(wallet)).isTrue();
        double hits = reads("hit");

        // The processor's commit: the balance changes and, around the commit, the wallet's key goes.
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE wallets SET balance = balance + 500 WHERE id = CAST(:id AS uuid)").param("id", wallet)
                    .update();
            WalletReadCache.evict(redis, List.of(UUID.fromString(wallet)), Duration.ofSeconds(1));
        });
        WalletReadCache.evict(redis, List.of(UUID.fromString(wallet)), Duration.ofSeconds(1));

        assertThat(balance(user, wallet)).isEqualTo(500);
        assertThat(balance(user, wallet)).isEqualTo(500);
        assertThat(reads("hit")).isEqualTo(hits + 1);   // the second read came from the refilled entry
    }

    @Test
    void servesARepeatedReadFromTheCacheUntilTheWalletChanges() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertThat(balance(user, wallet)).isZero();
        // behind the product's back (no processor commit, no eviction): the cache does not see it, until its TTL
        jdbc.sql("UPDATE wallets SET balance = 42 WHERE id = CAST(:id AS uuid)").param("id", wallet).update();

        assertThat(balance(user, wallet)).isZero();
    }

    @Test
    void anotherUsersCachedWalletIsStillNotFound() {
        String owner = token(newUser());
        String wallet = createWallet(owner, "USD");
        assertThat(balance(owner, wallet)).isZero();
        assertThat(cached(wallet)).isTrue();

        Reply stranger = graphql(token(newUser()), GET_WALLET, Map.of("id", wallet));

        assertThat(stranger.code()).isEqualTo("NOT_FOUND");
        assertThat(stranger.data("getWallet").isNull() || stranger.data("getWallet").isMissingNode()).isTrue();
    }

    @Test
    void aFreezeIsSeenByTheNextRead() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertThat(graphql(user, GET_WALLET, Map.of("id", wallet)).data("getWallet").path("isActive").asBoolean())
                .isTrue();

        assertThat(freeze(adminToken(), wallet).ok()).isTrue();

        assertThat(graphql(user, GET_WALLET, Map.of("id", wallet)).data("getWallet").path("isActive").asBoolean())
                .isFalse();
    }

    private long balance(String token, String wallet) {
        Reply reply = graphql(token, GET_WALLET, Map.of("id", wallet));
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        return reply.data("getWallet").path("balance").asLong();
    }

    private static boolean cached(String wallet) {
        return redis.getBucket(WalletReadCache.key(UUID.fromString(wallet)), StringCodec.INSTANCE).isExists();
    }

    private double reads(String result) {
        var counter = meters.find("wallet.cache.reads").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
