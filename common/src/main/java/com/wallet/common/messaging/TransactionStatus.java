package com.wallet.common.messaging;

public enum TransactionStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, REVERSED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REVERSED;
    }
}
