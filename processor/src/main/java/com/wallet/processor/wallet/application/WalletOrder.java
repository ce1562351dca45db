package com.wallet.processor.wallet.application;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The one order in which wallets are locked, in Redis and in PostgreSQL: the canonical text form,
 * which sorts like PostgreSQL's uuid ordering (unsigned bytes), unlike {@link UUID#compareTo}.
 */
public final class WalletOrder {

    public static final Comparator<UUID> ASCENDING = Comparator.comparing(UUID::toString);

    private WalletOrder() {
    }

    public static List<UUID> ascending(Collection<UUID> ids) {
        return ids.stream().distinct().sorted(ASCENDING).toList();
    }
}
