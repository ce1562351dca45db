package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.TransactionEvent;
import java.util.Optional;

/**
 * Port: an accepted mutation, durable as one unit: the PENDING transaction, its event for
 * wallet.transactions, its audit entry and its sealed command for the relay to send.
 */
public interface Submissions {

    /**
     * @return the row as stored, or empty when the caller's idempotency key is taken already (by an
     *         earlier request or a concurrent identical one): then nothing was written
     */
    Optional<StoredTransaction> record(PendingTransaction transaction, TransactionEvent pending, CommandEnvelope command);
}
