package com.wallet.gateway.wallet.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Logout (the caller's own token) and the revocation of every token of a user (ADMIN, audited). */
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final int MAX_USER_ID = 255;

    private final Sessions sessions;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    public SessionService(Sessions sessions, AuditLog auditLog, TransactionTemplate tx, Clock clock) {
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.tx = tx;
        this.clock = clock;
    }

    /** @return true when the caller's token is now revoked; false for a token without {@code jti} */
    public boolean logout(Caller caller) {
        if (caller.tokenId() == null || caller.tokenExpiresAt() == null) {
            return false;
        }
        sessions.revokeToken(caller.tokenId(), caller.tokenExpiresAt());
        log.info("token of user {} revoked by logout", caller.userId());
        return true;
    }

    /**
     * Every token of {@code userId} issued now or earlier is refused from now on. The audit entry is
     * written first and committed only after Redis took the revocation: a revocation Redis refused
     * (UNAVAILABLE) leaves no entry, so the trail never claims a revocation that did not happen.
     */
    public boolean revokeUserTokens(Caller admin, String userId) {
        String user = Inputs.requiredText(userId, MAX_USER_ID, "userId");
        Instant cutoff = clock.instant();
        tx.executeWithoutResult(status -> {
            auditLog.record(AuditRecord.userTokensRevoked(admin.userId(), user, cutoff));
            sessions.revokeUser(user, cutoff);
        });
        log.info("tokens of user {} revoked by admin {}", user, admin.userId());
        return true;
    }
}
