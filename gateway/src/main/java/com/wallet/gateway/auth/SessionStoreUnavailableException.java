package com.wallet.gateway.auth;

import org.springframework.security.core.AuthenticationException;

/**
 * The session store (Redis) did not answer in time, so the token's revocation cannot be checked: the
 * request is answered 503 with a GraphQL error coded UNAVAILABLE, and nothing is accepted. Deliberately
 * not an {@code AuthenticationServiceException}, which the bearer filter would rethrow as a 500.
 */
class SessionStoreUnavailableException extends AuthenticationException {

    SessionStoreUnavailableException(String message) {
        super(message);
    }
}
