package com.wallet.processor.analytics.topology;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import java.time.Instant;
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

    TransactionState apply(TransactionEvent event) {
        if (known() && event.walletSequence() <= walletSequence) {
            return this;
        }
        return new TransactionState(event.transactionId(), event.walletId(), event.type(), event.status(),
                event.currency(), event.amount(), known() ? createdAt : event.occurredAt(), event.walletSequence());
    }
}
