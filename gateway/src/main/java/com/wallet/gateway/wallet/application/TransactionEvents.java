package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionEvent;

/** Port: the outbox of transaction state changes (relayed to wallet.transactions by the processor). */
public interface TransactionEvents {

    void append(TransactionEvent event);
}
