package com.wallet.processor.wallet.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wallet.processor.wallet.application.WalletLocks;
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
        var masters = new RedisConfiguration().redissonMasters(
                new RedisLockProperties(urls, Duration.ofMillis(300), Duration.ofSeconds(10)));
        clients.addAll(masters.clients());
        return new RedissonWalletLocks(masters.clients(), Duration.ofMillis(300), Duration.ofSeconds(10));
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
        WalletLocks first = locks(urls);
        WalletLocks second = locks(urls);
        UUID a = UUID.randomUUID();

        try (WalletLocks.LockHandle held = first.lock(List.of(a))) {
            assertThat(canLockElsewhere(second, a)).isFalse();
        }
        assertThat(canLockElsewhere(second, a)).isTrue();
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
