package com.wallet.gateway.wallet.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the wallets table. */
public interface Wallets {

    Optional<Wallet> find(UUID id);

    List<Wallet> findByUser(String userId);

    void insert(NewWallet wallet);

    /** The wallet, its row locked until the end of the current database transaction. */
    Optional<Wallet> findForUpdate(UUID id);

    /** @return the wallet after the change, or empty when it does not exist */
    Optional<Wallet> setActive(UUID id, boolean active);
}
