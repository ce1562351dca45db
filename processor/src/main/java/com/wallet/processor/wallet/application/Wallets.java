package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: wallet balances. Every write is one conditional statement; the boolean is its row count. */
public interface Wallets {

    /** Reads and row-locks the wallets in ascending id order (inside the caller's transaction). */
    List<WalletState> lockForUpdate(List<UUID> walletIds);

    /** balance - amount where the wallet is active and holds the amount. */
    boolean debitActive(UUID walletId, long amount);

    /** balance - amount where the wallet holds the amount, active or not (refunds, disputes). */
    boolean debit(UUID walletId, long amount);

    /** balance + amount where the wallet is active. */
    boolean creditActive(UUID walletId, long amount);

    /** balance + amount, active or not (settled deposits, restored payouts). */
    boolean credit(UUID walletId, long amount);

    Optional<String> stripeAccountId(UUID walletId);
}
