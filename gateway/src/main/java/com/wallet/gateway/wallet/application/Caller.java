package com.wallet.gateway.wallet.application;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is asking: the JWT subject, whether it holds the ADMIN role, and the token's id ({@code jti},
 * absent when the token has none) and expiry, which logout needs to revoke it.
 */
public record Caller(String userId, boolean admin, String tokenId, Instant tokenExpiresAt) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    public Caller(String userId, boolean admin) {
        this(userId, admin, null, null);
    }

    public boolean owns(Wallet wallet) {
        return userId.equals(wallet.userId());
    }
}
