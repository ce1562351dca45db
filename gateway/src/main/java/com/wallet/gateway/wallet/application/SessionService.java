package com.wallet.gateway.wallet.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logout (the caller's own token) and the revocation of every token of a user (ADMIN). */
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final int MAX_USER_ID = 255;

    private final Sessions sessions;
    private final Clock clock;

    public SessionService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
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

    /** Every token of {@code userId} issued now or earlier is refused from now on. */
    public boolean revokeUserTokens(Caller admin, String userId) {
        String user = Inputs.requiredText(userId, MAX_USER_ID, "userId");
        sessions.revokeUser(user, clock.instant());
        log.info("tokens of user {} revoked by admin {}", user, admin.userId());
        return true;
    }
}
