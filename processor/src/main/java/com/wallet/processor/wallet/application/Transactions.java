package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: the transactions the gateway created. Status changes are conditional on the current status. */
public interface Transactions {

    Optional<TransactionRecord> find(UUID id);

    Optional<TransactionRecord> findByPaymentIntent(String paymentIntentId);

    Optional<TransactionRecord> findByStripeTransfer(String transferId);

    /** status := to (and failure_reason) where status is one of {@code from}. */
    boolean changeStatus(UUID id, Set<TransactionStatus> from, TransactionStatus to, FailureReason reason);

    /**
     * Keeps what the customer needs to finish 3-D Secure in the transaction's metadata while it is
     * PROCESSING: {@code nextAction} in clear, the client secret sealed (the gateway opens it for the owner).
     */
    boolean recordCustomerAction(UUID id, java.util.Map<String, String> nextAction, String sealedClientSecret);

    /** Records the PaymentIntent id where none is recorded yet. */
    boolean recordPaymentIntent(UUID id, String paymentIntentId);

    /** A DEPOSIT still PENDING or PROCESSING becomes COMPLETED (and remembers the PaymentIntent). */
    boolean settleDeposit(UUID id, String paymentIntentId);

    /**
     * A WITHDRAWAL still PROCESSING becomes COMPLETED with its Stripe transfer id (unless another
     * transfer id is already recorded).
     */
    boolean completePayout(UUID id, String transferId);

    /**
     * A WITHDRAWAL still PROCESSING with no Transfer recorded becomes FAILED PAYOUT_FAILED: the one
     * way its funds go back before a payout (never while a Transfer for it is known).
     */
    boolean failPayout(UUID id);

    /**
     * A WITHDRAWAL still PROCESSING with exactly this Transfer recorded becomes FAILED PAYOUT_FAILED:
     * only for a Transfer Stripe says does not exist, with none for the withdrawal either.
     */
    boolean failPayoutOfMissingTransfer(UUID id, String transferId);

    /** A WITHDRAWAL PROCESSING or COMPLETED becomes REVERSED. */
    boolean reversePayout(UUID id, String transferId);

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
