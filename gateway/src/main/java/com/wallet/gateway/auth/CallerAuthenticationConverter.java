package com.wallet.gateway.auth;

import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.RejectionCode;
import com.wallet.gateway.wallet.application.RequestRejected;
import com.wallet.gateway.wallet.application.Sessions;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A decoded token becomes a {@link CallerAuthentication} (ROLE_USER / ROLE_ADMIN) unless its session was
 * revoked (401). When the session store cannot be reached the request is refused as UNAVAILABLE: a token
 * is never accepted unchecked.
 */
class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Sessions sessions;

    CallerAuthenticationConverter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(JjwtDecoder.ROLES);
        Caller caller = new Caller(jwt.getSubject(), roles.contains("ADMIN"), jwt.getId(), jwt.getExpiresAt());
        boolean revoked;
        try {
            revoked = sessions.isRevoked(caller.userId(), jwt.getId(), jwt.getIssuedAt());
        } catch (RequestRejected e) {
            if (e.code() == RejectionCode.UNAVAILABLE) {
                throw new SessionStoreUnavailableException(e.getMessage());
            }
            throw e;
        }
        if (revoked) {
            throw new InvalidBearerTokenException("invalid token: revoked");
        }
        return new CallerAuthentication(caller, jwt,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
