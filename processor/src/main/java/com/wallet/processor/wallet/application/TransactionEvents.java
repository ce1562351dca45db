package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.TransactionEvent;

/** Port: the transactional outbox; appended in the same database transaction as the state change. */
public interface TransactionEvents {

    void append(TransactionEvent event);
}
