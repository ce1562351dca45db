package com.wallet.processor.wallet.application.port;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Port: the reconcilers' queue, the deposits and withdrawals left PROCESSING while Stripe's answer
 * is awaited (transactions_awaiting_stripe), least recently looked at first.
 */
public interface TransactionsAwaitingStripe {

    /**
     * DEPOSITs in PROCESSING not updated for at least {@code idleFor}, least recently updated first,
     * each with its age since creation (by the database's clock).
     */
    List<StaleDeposit> staleDeposits(Duration idleFor, int limit);

    /** Sets updated_at of a deposit still PROCESSING, so the reconciler looks at it again only later. */
    boolean postponeReconciliation(UUID id);

    /** WITHDRAWALs in PROCESSING not updated for at least {@code idleFor}, least recently updated first. */
    List<StaleWithdrawal> staleWithdrawals(Duration idleFor, int limit);

    /** Sets updated_at of a withdrawal still PROCESSING, so the reconciler looks at it again only later. */
    boolean postponeWithdrawalReconciliation(UUID id);

    /** A deposit stuck in PROCESSING and how long ago its transaction was created. */
    record StaleDeposit(TransactionRecord transaction, Duration age) {
    }

    /** A withdrawal stuck in PROCESSING and how long ago its transaction was created. */
    record StaleWithdrawal(TransactionRecord transaction, Duration age) {
    }
}
