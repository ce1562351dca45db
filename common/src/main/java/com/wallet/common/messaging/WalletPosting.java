package com.wallet.common.messaging;

import java.util.Objects;
import java.util.UUID;

/** What one event posted to one wallet: signed minor units (credit &gt; 0, debit &lt; 0). */
public record WalletPosting(UUID walletId, long amount) {

    public WalletPosting {
        Objects.requireNonNull(walletId, "walletId");
    }
}
