package com.wallet.processor.testhooks;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test hook (wallet.test-hooks.enabled only): once armed, the next lock holder of the armed wallet
 * (or of any wallet) sleeps past the Redis lease after taking its locks and before its database
 * transaction, so a second processor can take the same lock meanwhile (contract 6.5: the money
 * rules must hold without the lock). Fires once per arming.
 */
final class LockPauseHook {

    private static final Logger log = LoggerFactory.getLogger(LockPauseHook.class);

    /** What is armed: a wallet, or empty for any wallet. */
    private final AtomicReference<Optional<UUID>> armed = new AtomicReference<>();
    private final AtomicInteger fired = new AtomicInteger();
    private final Duration pause;

    LockPauseHook(Duration leaseTime) {
        this.pause = leaseTime.plusSeconds(2);
    }

    void arm(UUID walletId) {
        armed.set(Optional.ofNullable(walletId));
    }

    void disarm() {
        armed.set(null);
    }

    Status status() {
        Optional<UUID> current = armed.get();
        return new Status(current != null, current == null ? null : current.map(UUID::toString).orElse(null),
                fired.get(), pause.toMillis());
    }

    /** Called with the locks held: sleeps past the lease when armed for one of these wallets. */
    void afterLocked(Collection<UUID> walletIds) {
        Optional<UUID> current = armed.get();
        if (current == null || current.isPresent() && !walletIds.contains(current.get())) {
            return;
        }
        if (!armed.compareAndSet(current, null)) {
            return;   // another holder took this arming
        }
        fired.incrementAndGet();
        log.warn("test hook: lock holder of {} pauses {} ms (past the lease) before its database transaction",
                walletIds, pause.toMillis());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("test hook: lock holder of {} resumes; its lease has expired", walletIds);
    }

    record Status(boolean armed, String walletId, int fired, long pauseMs) {
    }
}
