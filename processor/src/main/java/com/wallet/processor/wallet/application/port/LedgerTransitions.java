package com.wallet.processor.wallet.application.port;

import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Port: the one way a transaction's life is written. A list of decided transitions is applied in the
 * caller's database transaction, each step one set-based statement whatever the list's size (a batch
 * of transfers, or the one change of a deposit, a withdrawal, a Stripe event, a reconciler finding or
 * a dead letter). The money rules stay in the database: processed_commands' primary
 * key, the status condition of each update, the guarded balance update and the non-negative CHECK,
 * and the zero-sum check on the postings.
 */
public interface LedgerTransitions {

    /** Marks the commands processed; returns the ids that were not yet (the others are redeliveries). */
    Set<UUID> claim(List<UUID> commandIds);

    /** The transactions rows of these ids (absent ids are missing rows). */
    Map<UUID, TransactionRecord> transactions(Collection<UUID> ids);

    /** Reads and row-locks the wallets, in ascending id order (one statement: no deadlock between batches). */
    Map<UUID, WalletState> lockWallets(Collection<UUID> walletIds);

    /** A decided transition and the transaction row it was decided on (the row its event describes). */
    record Change(TransactionRecord row, Transition transition) {
        public Change {
            java.util.Objects.requireNonNull(row, "row");
            java.util.Objects.requireNonNull(transition, "transition");
            if (!row.id().equals(transition.transactionId())) {
                throw new IllegalArgumentException("a transition of another transaction than its row");
            }
        }
    }

    /**
     * Applies the changes, all or none: every status change conditional on its {@code from} (and
     * Stripe object), one guarded balance update per wallet for the net change, all postings, and
     * the outbox event (with its audit entry) of each change, derived from it.
     *
     * @throws ConcurrentTransitionException when a row no longer has the status or balance the
     *                                       decisions assumed (the transaction must roll back)
     */
    void apply(List<Change> changes);

    /**
     * Applies one change as {@link #apply} does, unless its row no longer matches its {@code from}
     * (another path changed it first): then nothing is written and the answer is false.
     *
     * @throws ConcurrentTransitionException when a balance update matched no row
     */
    boolean applyIfCurrent(Change change);

    /** A conditional write matched fewer rows than decided: roll back and let the batch run again. */
    class ConcurrentTransitionException extends RuntimeException {
        public ConcurrentTransitionException(String message) {
            super(message);
        }
    }
}
