package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.cache.WalletReadCache;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.testsupport.LocalServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The processor's half of the gateway's wallet read cache: a commit that changes balances deletes
 * the cached reads of exactly those wallets (the gateway's half: gateway WalletCacheIT).
 */
class WalletCacheEvictionIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static RedissonClient redis;

    @Autowired
    MeterRegistry meters;

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
    void aCommittedTransferEvictsTheCachedReadsOfBothWalletsAndNoOther() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(500);
        UUID to = wallets.aWalletWith(0);
        UUID bystander = wallets.aWalletWith(7);
        for (UUID wallet : new UUID[] {from, to, bystander}) {
            cached(wallet).set("{\"stale\":true}", Duration.ofMinutes(5)); // as the gateway caches a read
        }
        double evictedBefore = evictions("ok");
        TransferFunds transfer = wallets.pendingTransfer(from, to, 200);

        send(transfer);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));

        assertThat(wallets.balance(from)).isEqualTo(300);
        assertThat(cached(from).isExists()).isFalse();
        assertThat(cached(to).isExists()).isFalse();
        assertThat(cached(bystander).isExists()).isTrue();
        assertThat(evictions("ok")).isGreaterThan(evictedBefore);
    }

    private static org.redisson.api.RBucket<String> cached(UUID wallet) {
        return redis.getBucket(WalletReadCache.key(wallet), StringCodec.INSTANCE);
    }

    private double evictions(String result) {
        var counter = meters.find("wallet.cache.evictions").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
