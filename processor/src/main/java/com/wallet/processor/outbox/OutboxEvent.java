package com.wallet.processor.outbox;

/** An unpublished outbox row: its sequence, the record key and the payload JSON (sequence stamped in). */
record OutboxEvent(long sequence, String walletId, String payload) {
}
