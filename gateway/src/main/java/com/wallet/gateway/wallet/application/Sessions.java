package com.wallet.gateway.wallet.application;

import java.time.Instant;

/**
 * Port: revoked tokens and per-user not-before times (Redis). Every method throws
 * {@link RequestRejected} with {@link RejectionCode#UNAVAILABLE} when the store cannot be reached
 * in time, so a token is never accepted unchecked.
 */
public interface Sessions {

    /**
     * @param tokenId  the token's {@code jti}, or null
     * @param issuedAt the token's {@code iat}, or null
     * @return true when the token was revoked by logout, or by a revocation of all the user's tokens
     *         at or after {@code issuedAt} (a token without {@code iat} is then refused too)
     */
    boolean isRevoked(String userId, String tokenId, Instant issuedAt);

    /** Refuses the token {@code tokenId} until it expires at {@code expiresAt}. */
    void revokeToken(String tokenId, Instant expiresAt);

    /** Refuses every token of {@code userId} issued at or before {@code at}. */
    void revokeUser(String userId, Instant at);
}
