package com.wallet.gateway.auth;

import com.wallet.gateway.wallet.application.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards /graphql: a request without an acceptable bearer token is answered 401 with a
 * GraphQL-shaped error; an accepted one carries its {@link Caller} as a request attribute.
 * Tokens are never logged.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final String UNAUTHORIZED = """
            {"errors":[{"message":"missing or invalid bearer token","extensions":\
            {"classification":"UNAUTHORIZED","code":"UNAUTHORIZED"}}]}""";
    private static final String BEARER = "Bearer ";

    private final JwtVerifier verifier;

    JwtAuthenticationFilter(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<Caller> caller = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? verifier.verify(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(UNAUTHORIZED);
            return;
        }
        request.setAttribute(Caller.class.getName(), caller.get());
        chain.doFilter(request, response);
    }
}
