package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What analytics knows of one transaction: its current status and the time it was created (the
 * occurredAt of the first event seen). Every event of a transaction is keyed by its source wallet,
 * so they arrive in one partition in walletSequence order; an event whose walletSequence is not
 * above the last applied one is a redelivery and changes nothing.
 */
public record TransactionState(UUID transactionId, UUID walletId, TransactionType type, TransactionStatus status,
                               String currency, long amount, Instant createdAt, long walletSequence) {

    static TransactionState none() {
        return new TransactionState(null, null, null, null, null, 0, null, -1);
    }

    boolean known() {
        return transactionId != null;
    }

    /** What one event says of its transaction; its createdAt is the event's time. */
    static TransactionState reportedBy(TransactionEvent event) {
        return new TransactionState(event.transactionId(), event.walletId(), event.type(), event.status(),
                event.currency(), event.amount(), event.occurredAt(), event.walletSequence());
    }

    /** This state after a report: a redelivered or older report (walletSequence not above ours) changes nothing. */
    TransactionState apply(TransactionState reported) {
        if (known() && reported.walletSequence() <= walletSequence) {
            return this;
        }
        return new TransactionState(reported.transactionId(), reported.walletId(), reported.type(), reported.status(),
                reported.currency(), reported.amount(), known() ? createdAt : reported.createdAt(),
                reported.walletSequence());
    }

    /** Whether this state and {@code other} contribute the same to every aggregate (only their walletSequence may differ). */
    boolean countsAs(TransactionState other) {
        return Objects.equals(walletId, other.walletId) && type == other.type && status == other.status
                && Objects.equals(currency, other.currency) && amount == other.amount
                && Objects.equals(createdAt, other.createdAt);
    }
}
