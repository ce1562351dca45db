package com.wallet.processor.wallet.application.batch;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.processor.wallet.application.TransactionRecord;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Port: a batch of commands in one database transaction, each step one set-based statement
 * whatever the batch size. The money rules stay in the database: processed_commands' primary
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

    /**
     * Applies the transitions: every status change conditional on its {@code from}, one guarded
     * balance update per wallet for the net change, all postings and all outbox events.
     *
     * @throws ConcurrentTransitionException when a row no longer has the status or balance the
     *                                       decisions assumed (the transaction must roll back)
     */
    void apply(List<Transition> transitions, List<TransactionEvent> events);

    /** A conditional write matched fewer rows than decided: roll back and let the batch run again. */
    class ConcurrentTransitionException extends RuntimeException {
        public ConcurrentTransitionException(String message) {
            super(message);
        }
    }
}
