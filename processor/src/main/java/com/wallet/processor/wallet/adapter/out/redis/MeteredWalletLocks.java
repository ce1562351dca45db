package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.processor.wallet.application.port.WalletLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

/**
 * wallet.lock.wait: how long taking a command's wallet locks took (outcome acquired or
 * unavailable), and wallet.lock.failures: how often they could not be taken (the command is then
 * retried). A hot wallet shows here first.
 */
class MeteredWalletLocks implements WalletLocks {

    private final WalletLocks locks;
    private final Timer acquired;
    private final Timer unavailable;
    private final Counter failures;

    MeteredWalletLocks(WalletLocks locks, MeterRegistry meters) {
        this.locks = locks;
        this.acquired = wait(meters, "acquired");
        this.unavailable = wait(meters, "unavailable");
        this.failures = Counter.builder("wallet.lock.failures")
                .description("wallet locks not taken in time or Redis unreachable").register(meters);
    }

    private static Timer wait(MeterRegistry meters, String outcome) {
        return Timer.builder("wallet.lock.wait").tag("outcome", outcome)
                .description("time to take the wallet locks of one command").register(meters);
    }

    @Override
    public LockHandle lock(Collection<UUID> walletIds) {
        return measured(() -> locks.lock(walletIds));
    }

    @Override
    public LockHandle lockAll(Collection<UUID> walletIds) {
        return measured(() -> locks.lockAll(walletIds));
    }

    private LockHandle measured(Supplier<LockHandle> taking) {
        long start = System.nanoTime();
        try {
            LockHandle handle = taking.get();
            acquired.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return handle;
        } catch (RuntimeException e) {
            unavailable.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            failures.increment();
            throw e;
        }
    }
}
