package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.processor.wallet.application.port.WalletLocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.testsupport.LocalServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Wallet locks against real Redis: one master, and a RedLock quorum over three independent masters. */
class RedissonWalletLocksIT {

    private static final List<Process> extraMasters = new ArrayList<>();
    private static final List<RedissonClient> clients = new ArrayList<>();

    @AfterAll
    static void stop() {
        clients.forEach(RedissonClient::shutdown);
        extraMasters.forEach(Process::destroy);
    }

    private static RedissonWalletLocks locks(String urls) {
        return locks(urls, Duration.ofMillis(300));
    }

    private static RedissonWalletLocks locks(String urls, Duration wait) {
        var masters = new RedisConfiguration().redissonMasters(
                new RedisLockProperties(urls, wait, Duration.ofSeconds(10)));
        clients.addAll(masters.clients());
        return new RedissonWalletLocks(masters.clients(), wait, Duration.ofSeconds(10));
    }

    /** Locks in another thread (Redisson locks belong to threads), as another processor would. */
    private static boolean canLockElsewhere(WalletLocks locks, UUID... wallets) {
        return CompletableFuture.supplyAsync(() -> {
            try (WalletLocks.LockHandle ignored = locks.lock(List.of(wallets))) {
                return true;
            } catch (WalletLocks.LockUnavailableException e) {
                return false;
            }
        }).join();
    }

    @Test
    void excludesOtherProcessorsUntilReleased() {
        WalletLocks first = locks(LocalServices.redisUrl());
        WalletLocks second = locks(LocalServices.redisUrl());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        try (WalletLocks.LockHandle held = first.lock(List.of(b, a))) {
            assertThat(canLockElsewhere(second, a)).isFalse();
            assertThat(canLockElsewhere(second, b)).isFalse();
            assertThat(canLockElsewhere(second, UUID.randomUUID())).isTrue();
        }
        assertThat(canLockElsewhere(second, a, b)).isTrue();
    }

    @Test
    void closingTwiceReleasesNothingItNoLongerHolds() {
        WalletLocks locks = locks(LocalServices.redisUrl());
        UUID a = UUID.randomUUID();
        WalletLocks.LockHandle handle = locks.lock(List.of(a));
        handle.close();
        handle.close();

        assertThat(canLockElsewhere(locks, a)).isTrue();
    }

    @Test
    void takesAQuorumOverSeveralMasters() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        String urls = LocalServices.redisUrl() + "," + startMaster() + "," + startMaster();
        // a longer wait than the others: the first lock also opens the connections to two fresh masters
        WalletLocks first = locks(urls, Duration.ofSeconds(3));
        WalletLocks second = locks(urls, Duration.ofSeconds(3));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        try (WalletLocks.LockHandle held = first.lock(List.of(a))) {
            assertThat(canLockElsewhere(second, a)).isFalse();
        }
        assertThat(canLockElsewhere(second, a)).isTrue();
        try (WalletLocks.LockHandle held = first.lockAll(List.of(a, b))) {
            assertThat(canLockElsewhere(second, b)).isFalse();
        }
        assertThat(canLockElsewhere(second, a, b)).isTrue();
    }

    @Test
    void locksABatchAtOnceAndReleasesItAtOnce() {
        WalletLocks first = locks(LocalServices.redisUrl());
        WalletLocks second = locks(LocalServices.redisUrl());
        List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID shared = batch.get(1);

        try (WalletLocks.LockHandle held = first.lockAll(batch)) {
            assertThat(canLockElsewhere(second, shared)).isFalse();
            // a second batch sharing one wallet gives up after the wait and holds none of its locks
            UUID other = UUID.randomUUID();
            assertThat(CompletableFuture.supplyAsync(() -> {
                try (WalletLocks.LockHandle ignored = second.lockAll(List.of(other, shared))) {
                    return true;
                } catch (WalletLocks.LockUnavailableException e) {
                    return false;
                }
            }).join()).isFalse();
            assertThat(canLockElsewhere(second, other)).isTrue();
        }
        assertThat(canLockElsewhere(second, batch.toArray(UUID[]::new))).isTrue();
    }

    @Test
    void reportsAnUnreachableRedisAsATransientLockFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String deadUrl = "redis://127.0.0.1:" + port;
        WalletLocks locks = locks(deadUrl); // starts without Redis

        assertThatThrownBy(() -> locks.lock(List.of(UUID.randomUUID())))
                .isInstanceOf(WalletLocks.LockUnavailableException.class);
    }

    private static String startMaster() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process redis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        extraMasters.add(redis);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return "redis://127.0.0.1:" + port;
    }
}
