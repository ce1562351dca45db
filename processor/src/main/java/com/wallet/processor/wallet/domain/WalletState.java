package com.wallet.processor.wallet.domain;

import java.util.Objects;
import java.util.UUID;

/** What the rules need to know about a wallet, read inside the transaction that changes it. */
public record WalletState(UUID id, long balance, String currency, boolean active) {

    public WalletState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
    }
}
