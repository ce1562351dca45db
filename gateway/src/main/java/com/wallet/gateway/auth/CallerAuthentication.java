package com.wallet.gateway.auth;

import com.wallet.gateway.wallet.application.Caller;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An accepted bearer token: the principal is the {@link Caller} controllers take with {@code @AuthenticationPrincipal}. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient Jwt token;

    CallerAuthentication(Caller caller, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The token itself is never handed out (nor logged through toString). */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller.userId();
    }

    @Override
    public String toString() {
        return "CallerAuthentication[user=" + caller.userId() + ", authorities=" + getAuthorities() + "]";
    }

    Jwt token() {
        return token;
    }
}
