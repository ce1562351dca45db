package com.wallet.gateway.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Spring Security's {@link JwtDecoder}, implemented with jjwt: HS256 with JWT_SECRET only (so never
 * {@code alg: none} nor another algorithm), a valid signature, {@code exp} and {@code sub} present, not
 * expired (30 s clock skew), a lifetime ({@code exp - iat}, or {@code exp - now} without {@code iat}) of at
 * most JWT_MAX_TOKEN_LIFETIME, no {@code iat} in the future, and {@code roles} absent (= USER) or made of
 * USER / ADMIN only. Every refusal is a {@link BadJwtException}, i.e. 401; its message names the rule,
 * never the token.
 */
public class JjwtDecoder implements JwtDecoder {

    public static final int MIN_SECRET_BYTES = 32;
    public static final String ROLES = "roles";
    public static final Set<String> KNOWN_ROLES = Set.of("USER", "ADMIN");
    static final int MAX_SUBJECT = 255;
    static final int MAX_TOKEN_ID = 255;

    private final JwtParser parser;
    private final Duration maxLifetime;
    private final Duration clockSkew;
    private final Clock clock;

    public JjwtDecoder(String secret, Duration maxLifetime, Duration clockSkew, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret shorter than " + MIN_SECRET_BYTES + " bytes");
        }
        this.parser = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(key))
                .clockSkewSeconds(clockSkew.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            throw new BadJwtException("invalid token: " + e.getClass().getSimpleName());
        }
        if (!"HS256".equals(jws.getHeader().getAlgorithm())) {
            throw new BadJwtException("invalid token: only HS256 is accepted");
        }
        Claims claims = jws.getPayload();
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || hasControl(subject)) {
            throw new BadJwtException("invalid token: sub is missing or malformed");
        }
        Date expiration = claims.getExpiration();
        if (expiration == null) {
            throw new BadJwtException("invalid token: exp is missing");
        }
        Instant exp = expiration.toInstant();
        Instant iat = claims.getIssuedAt() == null ? null : claims.getIssuedAt().toInstant();
        Instant now = clock.instant();
        if (iat != null && iat.isAfter(now.plus(clockSkew))) {
            throw new BadJwtException("invalid token: iat is in the future");
        }
        if (iat != null && !exp.isAfter(iat)) {
            throw new BadJwtException("invalid token: exp is not after iat");
        }
        // Without iat the lifetime cannot be shown: what is left of it must fit.
        if (Duration.between(iat != null ? iat : now, exp).compareTo(maxLifetime) > 0) {
            throw new BadJwtException("invalid token: lifetime exceeds the maximum of " + maxLifetime);
        }
        String tokenId = claims.getId();
        if (tokenId != null && (tokenId.isBlank() || tokenId.length() > MAX_TOKEN_ID || hasControl(tokenId))) {
            throw new BadJwtException("invalid token: jti is malformed");
        }
        List<String> roles = roles(claims.get(ROLES));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sub", subject);
        values.put(ROLES, roles);
        values.put("exp", exp);
        if (iat != null) {
            values.put("iat", iat);
        }
        if (tokenId != null) {
            values.put("jti", tokenId);
        }
        return new Jwt(token, iat, exp, Map.copyOf(jws.getHeader()), values);
    }

    /** Absent (or an empty list) means USER; anything but USER / ADMIN refuses the token. */
    private static List<String> roles(Object claim) {
        if (claim == null) {
            return List.of("USER");
        }
        List<?> values = claim instanceof Collection<?> list ? new java.util.ArrayList<>(list) : List.of(claim);
        if (values.isEmpty()) {
            return List.of("USER");
        }
        for (Object value : values) {
            if (!(value instanceof String role) || !KNOWN_ROLES.contains(role)) {
                throw new BadJwtException("invalid token: unknown role");
            }
        }
        return values.stream().map(String.class::cast).distinct().toList();
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
