package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.WalletLocks;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The house order of a change, written once: the wallet lock (released by try-with-resources, only
 * if held) -> one database transaction -> commit -> release. Services decide inside {@code work};
 * Stripe is never called inside it.
 */
public class WalletTransactions {

    private final WalletLocks locks;
    private final TransactionTemplate transaction;

    public WalletTransactions(WalletLocks locks, TransactionTemplate transaction) {
        this.locks = locks;
        this.transaction = transaction;
    }

    /** {@code work} in one database transaction, without the wallet lock (no balance changes, or conditional only). */
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** {@code work} in one database transaction under the wallet's lock, released after the commit. */
    public <T> T underLock(UUID walletId, Supplier<T> work) {
        try (WalletLocks.LockHandle ignored = locks.lock(List.of(walletId))) {
            return inTransaction(work);
        }
    }
}
