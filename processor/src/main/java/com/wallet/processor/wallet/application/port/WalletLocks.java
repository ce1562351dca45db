package com.wallet.processor.wallet.application.port;

import java.util.Collection;
import java.util.UUID;

/**
 * Port: mutual exclusion per wallet across processor instances. An optimisation only (fewer
 * conflicting database transactions); the money rules hold without it, see {@link LockHandle}.
 */
public interface WalletLocks {

    /**
     * Locks every wallet, in ascending id order, waiting a bounded time.
     *
     * @throws LockUnavailableException when a lock cannot be taken in time (a transient failure:
     *                                  the command is retried)
     */
    LockHandle lock(Collection<UUID> walletIds);

    /**
     * Locks every wallet at once (one round of requests, not one per wallet), waiting a bounded
     * time. For sets no other holder normally shares, such as the source wallets of one partition's
     * batch: two holders that do share wallets may both time out and retry, never deadlock.
     */
    default LockHandle lockAll(Collection<UUID> walletIds) {
        return lock(walletIds);
    }

    /** Held locks; {@link #close()} releases only what this handle still holds. */
    interface LockHandle extends AutoCloseable {
        @Override
        void close();
    }

    class LockUnavailableException extends RuntimeException {
        public LockUnavailableException(String message) {
            super(message);
        }

        public LockUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
