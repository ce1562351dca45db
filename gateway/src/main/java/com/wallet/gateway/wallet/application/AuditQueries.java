package com.wallet.gateway.wallet.application;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** auditLog: the audit trail, newest first (admin: enforced by the controller's {@code @PreAuthorize}). */
public class AuditQueries {

    private static final Logger log = LoggerFactory.getLogger(AuditQueries.class);

    private final AuditLog auditLog;

    public AuditQueries(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public List<AuditEntry> list(Caller admin, String walletId, Integer limit, Integer offset) {
        UUID wallet = walletId == null ? null : Inputs.id(walletId, "walletId");
        List<AuditEntry> entries = auditLog.list(wallet, Inputs.limit(limit), Inputs.offset(offset));
        log.info("audit log read by admin {} (wallet {}, {} entries)", admin.userId(), wallet, entries.size());
        return entries;
    }
}
