package com.wallet.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every refused authentication of /graphql: 401 with a GraphQL-shaped error classified UNAUTHORIZED
 * (no token, a bad or revoked one), or 503 coded UNAVAILABLE when the session store cannot be reached.
 * The answer never says which check failed, nor repeats the token.
 */
class JsonErrorEntryPoint implements AuthenticationEntryPoint {

    static final String UNAUTHORIZED = """
            {"errors":[{"message":"missing or invalid bearer token","extensions":\
            {"classification":"UNAUTHORIZED","code":"UNAUTHORIZED"}}]}""";
    static final String UNAVAILABLE = """
            {"errors":[{"message":"the session store is unavailable; nothing was accepted, try again later",\
            "extensions":{"classification":"INTERNAL_ERROR","code":"UNAVAILABLE"}}]}""";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof SessionStoreUnavailableException) {
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
