package com.wallet.gateway.wallet.application;

import java.util.List;
import java.util.UUID;

/**
 * Port: the append-only audit trail (table audit_log, contract 5). {@link #record} joins the
 * caller's database transaction when there is one, so an admin action and its entry commit or
 * roll back together; the database refuses to update or delete an entry.
 *
 * <p>For an admin action outside this service (token revocation): call {@code record} with the
 * matching {@link AuditRecord} factory, e.g. {@link AuditRecord#userTokensRevoked}.
 */
public interface AuditLog {

    void record(AuditRecord record);

    /** Newest first; {@code walletId} null means every entry, otherwise the wallet's as source or destination. */
    List<AuditEntry> list(UUID walletId, int limit, int offset);
}
