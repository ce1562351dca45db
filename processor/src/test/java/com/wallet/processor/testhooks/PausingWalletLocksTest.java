package com.wallet.processor.testhooks;

import com.wallet.processor.wallet.application.port.WalletLocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.processor.wallet.application.port.WalletLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PausingWalletLocksTest {

    private final List<String> calls = new ArrayList<>();
    private final WalletLocks real = ids -> {
        calls.add("locked " + ids);
        return () -> calls.add("released");
    };
    private final LockPauseHook hook = new LockPauseHook(Duration.ofMillis(100));   // pauses 2.1 s
    private final PausingWalletLocks locks = new PausingWalletLocks(real, hook);

    @Test
    void pausesTheNextHolderOfTheArmedWalletPastTheLeaseOnce() {
        UUID hot = UUID.randomUUID();
        hook.arm(hot);

        long start = System.nanoTime();
        try (WalletLocks.LockHandle ignored = locks.lock(List.of(UUID.randomUUID(), hot))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2_100));
        }
        long again = System.nanoTime();
        locks.lock(List.of(hot)).close();

        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(1));
        assertThat(hook.status().fired()).isEqualTo(1);
        assertThat(hook.status().armed()).isFalse();
        assertThat(calls).hasSize(4);
    }

    @Test
    void leavesOtherWalletsAndAnUnarmedHookAlone() {
        locks.lock(List.of(UUID.randomUUID())).close();
        hook.arm(UUID.randomUUID());
        locks.lock(List.of(UUID.randomUUID())).close();

        assertThat(hook.status().fired()).isZero();
        assertThat(hook.status().armed()).isTrue();
    }
}
