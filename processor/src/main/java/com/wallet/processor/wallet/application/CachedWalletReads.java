package com.wallet.processor.wallet.application;

import java.util.Collection;
import java.util.UUID;

/**
 * Port: the gateway's cache of wallet reads. Every wallet whose balance the current database
 * transaction changes is evicted before the commit and again after it (a read between the two may
 * have cached the old row), so a client that saw the transaction's final status reads the new
 * balance. A cache that cannot be reached never fails the transaction: its entries live out their TTL.
 */
public interface CachedWalletReads {

    CachedWalletReads NONE = walletIds -> { };

    /** Evicts these wallets around the commit of the current transaction (now, when there is none). */
    void evictAroundCommit(Collection<UUID> walletIds);
}
