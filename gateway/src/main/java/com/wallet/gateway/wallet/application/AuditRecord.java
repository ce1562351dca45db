package com.wallet.gateway.wallet.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One audit entry to write: who ({@code actor}: the caller's sub), what ({@code action}, upper
 * case), on which wallet or transaction, and the state before and after. States only: never a
 * token, secret, description or bank detail (contract 8).
 */
public record AuditRecord(String actor, String action, UUID walletId, UUID transactionId,
                          Map<String, Object> before, Map<String, Object> after) {

    public static final String WALLET_FROZEN = "WALLET_FROZEN";
    public static final String WALLET_UNFROZEN = "WALLET_UNFROZEN";
    public static final String USER_TOKENS_REVOKED = "USER_TOKENS_REVOKED";

    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        if (action == null || !action.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("an audit action is an upper-case name");
        }
    }

    /** freezeWallet / unfreezeWallet by an admin: is_active before and after. */
    public static AuditRecord walletActivity(String admin, Wallet before, Wallet after) {
        return new AuditRecord(admin, after.isActive() ? WALLET_UNFROZEN : WALLET_FROZEN, after.id(), null,
                Map.of("isActive", before.isActive()), Map.of("isActive", after.isActive()));
    }

    /** revokeUserTokens by an admin: every token of {@code userId} issued at or before {@code cutoff} is refused. */
    public static AuditRecord userTokensRevoked(String admin, String userId, Instant cutoff) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("userId", userId);
        after.put("revokedIssuedAtOrBefore", cutoff.toString());
        return new AuditRecord(admin, USER_TOKENS_REVOKED, null, null, null, after);
    }
}
