package com.wallet.gateway.wallet.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the transactions table. */
public interface Transactions {

    Optional<StoredTransaction> find(UUID id);

    Optional<StoredTransaction> findByIdempotencyKey(String userId, String idempotencyKey);

    /** Transactions in which the wallet is source or destination, newest first. */
    List<StoredTransaction> history(UUID walletId, int limit, int offset);
}
