package com.wallet.checker;

/** One record read from wallet.transactions, where it was and what it said. */
record TopicEvent(String key, int partition, long offset, PublishedEvent event) {
}
