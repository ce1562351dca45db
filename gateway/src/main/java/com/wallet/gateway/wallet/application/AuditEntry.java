package com.wallet.gateway.wallet.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit entry as auditLog shows it (contract 5, type AuditEntry). */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, UUID walletId, UUID transactionId,
                         Map<String, Object> before, Map<String, Object> after) {
}
