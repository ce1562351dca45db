package com.wallet.processor.wallet.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One signed ledger entry: credit &gt; 0, debit &lt; 0, in minor units. Only {@link Account#WALLET}
 * postings name a wallet.
 */
public record Posting(Account account, UUID walletId, long amount, EntryKind kind) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        if (amount == 0) {
            throw new IllegalArgumentException("a posting moves money");
        }
        if ((account == Account.WALLET) != (walletId != null)) {
            throw new IllegalArgumentException("exactly the WALLET account names a wallet");
        }
    }

    public static Posting wallet(UUID walletId, long amount, EntryKind kind) {
        return new Posting(Account.WALLET, walletId, amount, kind);
    }

    public static Posting clearing(long amount, EntryKind kind) {
        return new Posting(Account.STRIPE_CLEARING, null, amount, kind);
    }

    public static Posting shortfall(long amount) {
        return new Posting(Account.SHORTFALL, null, amount, EntryKind.SHORTFALL);
    }
}
