package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import java.time.Clock;
import java.util.UUID;

/** Builds the outbox event of one state change; the relay fills in {@code sequence}. */
public final class TransactionEventFactory {

    private final Clock clock;

    public TransactionEventFactory(Clock clock) {
        this.clock = clock;
    }

    public TransactionEvent changed(TransactionRecord tx, TransactionStatus status, FailureReason reason) {
        return new TransactionEvent(UUID.randomUUID(), 0L, tx.id(), tx.walletId(), tx.counterpartyWalletId(),
                tx.type(), status, tx.amount(), tx.currency(), reason, clock.instant());
    }
}
