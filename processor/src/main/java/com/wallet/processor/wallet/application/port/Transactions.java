package com.wallet.processor.wallet.application.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the transactions the gateway created, and what the processor records of Stripe on them.
 * Status changes go through {@link com.wallet.processor.wallet.application.port.LedgerTransitions}
 * only.
 */
public interface Transactions {

    Optional<TransactionRecord> find(UUID id);

    Optional<TransactionRecord> findByPaymentIntent(String paymentIntentId);

    Optional<TransactionRecord> findByStripeTransfer(String transferId);

    /**
     * Keeps what the customer needs to finish 3-D Secure in the transaction's metadata while it is
     * PROCESSING: {@code nextAction} in clear, the client secret sealed (the gateway opens it for the owner).
     */
    boolean recordCustomerAction(UUID id, java.util.Map<String, String> nextAction, String sealedClientSecret);

    /** Records the PaymentIntent id where none is recorded yet. */
    boolean recordPaymentIntent(UUID id, String paymentIntentId);

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
