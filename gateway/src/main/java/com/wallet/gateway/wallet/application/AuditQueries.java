package com.wallet.gateway.wallet.application;

import java.util.List;
import java.util.UUID;

/** auditLog: the audit trail, newest first, for an administrator only. */
public class AuditQueries {

    private final AuditLog auditLog;

    public AuditQueries(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public List<AuditEntry> list(Caller caller, String walletId, Integer limit, Integer offset) {
        if (!caller.admin()) {
            throw new RequestRejected(RejectionCode.FORBIDDEN, "only an administrator may read the audit log");
        }
        UUID wallet = walletId == null ? null : Inputs.id(walletId, "walletId");
        int pageSize = limit == null ? 20 : limit;
        int skip = offset == null ? 0 : offset;
        if (pageSize < 1 || pageSize > TransactionQueries.MAX_PAGE) {
            throw RequestRejected.invalid("limit must be between 1 and " + TransactionQueries.MAX_PAGE);
        }
        if (skip < 0) {
            throw RequestRejected.invalid("offset must not be negative");
        }
        return auditLog.list(wallet, pageSize, skip);
    }
}
