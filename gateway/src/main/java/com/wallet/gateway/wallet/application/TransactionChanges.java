package com.wallet.gateway.wallet.application;

import java.util.UUID;
import reactor.core.publisher.Flux;

/** The ids of transactions whose state changed, as the processor publishes them (wallet.transactions). */
public interface TransactionChanges {

    /** A hot stream: changes from the moment of subscription on, never a replay. */
    Flux<UUID> changes();
}
