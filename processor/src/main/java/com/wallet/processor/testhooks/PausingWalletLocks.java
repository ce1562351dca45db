package com.wallet.processor.testhooks;

import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.processor.wallet.application.port.WalletLocks;
import java.util.Collection;
import java.util.UUID;

/** Decorates the real {@link WalletLocks} with the {@link LockPauseHook}; wired only with test hooks on. */
final class PausingWalletLocks implements WalletLocks {

    private final WalletLocks delegate;
    private final LockPauseHook hook;

    PausingWalletLocks(WalletLocks delegate, LockPauseHook hook) {
        this.delegate = delegate;
        this.hook = hook;
    }

    @Override
    public LockHandle lock(Collection<UUID> walletIds) {
        LockHandle handle = delegate.lock(walletIds);
        hook.afterLocked(walletIds);
        return handle;
    }

    @Override
    public LockHandle lockAll(Collection<UUID> walletIds) {
        LockHandle handle = delegate.lockAll(walletIds);
        hook.afterLocked(walletIds);
        return handle;
    }
}
