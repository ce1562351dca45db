package com.wallet.gateway.wallet.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: the wallets table. */
public interface Wallets {

    Optional<Wallet> find(UUID id);

    /** The wallets of {@code ids} that exist, by id (one read for several). */
    Map<UUID, Wallet> findAll(Collection<UUID> ids);

    /** The user's wallets, oldest first, one page. */
    List<Wallet> findByUser(String userId, int limit, int offset);

    /**
     * Inserts the wallet unless its user already has {@code maxPerUser} wallets; concurrent creations
     * by one user are serialised so the limit holds.
     *
     * @return false when the limit was reached (nothing inserted)
     */
    boolean insertWithinLimit(NewWallet wallet, int maxPerUser);

    /** The wallet, its row locked until the end of the current database transaction. */
    Optional<Wallet> findForUpdate(UUID id);

    /** @return the wallet after the change, or empty when it does not exist */
    Optional<Wallet> setActive(UUID id, boolean active);
}
