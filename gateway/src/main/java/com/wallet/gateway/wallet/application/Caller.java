package com.wallet.gateway.wallet.application;

import java.util.Objects;

/** Who is asking: the JWT subject and whether it holds the ADMIN role. */
public record Caller(String userId, boolean admin) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    public boolean owns(Wallet wallet) {
        return userId.equals(wallet.userId());
    }
}
