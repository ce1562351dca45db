package com.wallet.gateway.auth;

import com.wallet.gateway.wallet.application.Caller;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Verifies HS256 bearer tokens: a valid signature with JWT_SECRET, alg HS256 (so never "none"), an
 * {@code exp} in the future and a {@code sub}. {@code roles} is a list of USER / ADMIN.
 */
public class JwtVerifier {

    public static final int MIN_SECRET_BYTES = 32;
    static final int MAX_SUBJECT = 255;

    private final JwtParser parser;

    public JwtVerifier(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret shorter than " + MIN_SECRET_BYTES + " bytes");
        }
        SecretKey hmac = Keys.hmacShaKeyFor(key);
        this.parser = Jwts.parser().verifyWith(hmac).build();
    }

    /** @return the caller, or empty for any token that is not acceptable */
    public Optional<Caller> verify(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"HS256".equals(jws.getHeader().getAlgorithm())) {
            return Optional.empty();
        }
        Claims claims = jws.getPayload();
        String subject = claims.getSubject();
        if (claims.getExpiration() == null || subject == null || subject.isBlank()
                || subject.length() > MAX_SUBJECT) {
            return Optional.empty();
        }
        return Optional.of(new Caller(subject, hasRole(claims.get("roles"), "ADMIN")));
    }

    private static boolean hasRole(Object roles, String role) {
        if (roles instanceof Collection<?> list) {
            return list.stream().anyMatch(r -> role.equals(String.valueOf(r)));
        }
        return role.equals(roles); // a single role given as a string rather than a list
    }
}
