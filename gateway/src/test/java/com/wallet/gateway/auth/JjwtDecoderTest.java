package com.wallet.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class JjwtDecoderTest {

    private static final String SECRET = "unit-test-secret-that-is-32-bytes-or-more";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final JjwtDecoder decoder = new JjwtDecoder(SECRET, Duration.ofHours(24), Duration.ofSeconds(30),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static String sign(JwtBuilder builder, String secret) {
        return builder.signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact();
    }

    private static String sign(JwtBuilder builder) {
        return sign(builder, SECRET);
    }

    private static JwtBuilder valid(String subject) {
        return Jwts.builder().subject(subject).id("jti-1").issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(600)));
    }

    private void refused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageNotContaining(token.isEmpty() ? "\u0000never" : token);
    }

    @Test
    void decodesSubjectRolesIdAndTimes() {
        Jwt jwt = decoder.decode(sign(valid("alice").claim("roles", List.of("USER", "ADMIN"))));
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
        assertThat(jwt.getId()).isEqualTo("jti-1");
        assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void missingOrEmptyRolesMeanUserAndASingleRoleStringIsAccepted() {
        assertThat(decoder.decode(sign(valid("a"))).getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(decoder.decode(sign(valid("a").claim("roles", List.of()))).getClaimAsStringList("roles"))
                .containsExactly("USER");
        assertThat(decoder.decode(sign(valid("a").claim("roles", "ADMIN"))).getClaimAsStringList("roles"))
                .containsExactly("ADMIN");
    }

    @Test
    void refusesUnknownOrMalformedRoles() {
        refused(sign(valid("a").claim("roles", List.of("USER", "OWNER"))));
        refused(sign(valid("a").claim("roles", "admin")));
        refused(sign(valid("a").claim("roles", List.of(1))));
    }

    @Test
    void refusesBadSignatureAlgNoneOtherAlgorithmsAndGarbage() {
        refused(sign(valid("a"), SECRET + "x"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        refused(b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"a\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".");
        String key64 = SECRET + SECRET;
        refused(valid("a").signWith(Keys.hmacShaKeyFor(key64.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512)
                .compact());
        refused("");
        refused("a.b.c");
    }

    @Test
    void refusesMissingSubjectOrExpiryAndExpiredTokensBeyondTheSkew() {
        refused(sign(Jwts.builder().issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(60)))));
        refused(sign(valid("x".repeat(256))));
        refused(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW))));
        refused(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW.minusSeconds(600)))
                .expiration(Date.from(NOW.minusSeconds(31)))));
        assertThat(decoder.decode(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW.minusSeconds(600)))
                .expiration(Date.from(NOW.minusSeconds(29))))).getSubject()).isEqualTo("a");
    }

    @Test
    void refusesLifetimesAboveTheMaximumAndIatInTheFuture() {
        refused(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofHours(24)).plusSeconds(1)))));
        assertThat(decoder.decode(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofHours(24)))))).getSubject()).isEqualTo("a");
        // no iat: what is left of the token must fit in the maximum lifetime
        refused(sign(Jwts.builder().subject("a").expiration(Date.from(NOW.plus(Duration.ofHours(25))))));
        assertThat(decoder.decode(sign(Jwts.builder().subject("a").expiration(Date.from(NOW.plusSeconds(60)))))
                .getIssuedAt()).isNull();
        refused(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW.plusSeconds(31)))
                .expiration(Date.from(NOW.plusSeconds(600)))));
    }

    @Test
    void theMaximumLifetimeIsConfigurable() {
        JjwtDecoder hourly = new JjwtDecoder(SECRET, Duration.ofHours(1), Duration.ofSeconds(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> hourly.decode(sign(Jwts.builder().subject("a").issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(3601)))))).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aMissingShortOrWellKnownSecretStopsStartUpNamingTheVariableNotTheValue() {
        SecurityConfiguration configuration = new SecurityConfiguration();
        Clock clock = Clock.systemUTC();
        StandardEnvironment production = new StandardEnvironment();
        StandardEnvironment local = new StandardEnvironment();
        local.setActiveProfiles("local");
        assertThatThrownBy(() -> configuration.jwtDecoder(properties(null), clock, production))
                .isInstanceOf(InvalidSecretException.class).hasMessage("JWT_SECRET is not set");
        assertThatThrownBy(() -> configuration.jwtDecoder(properties("short-secret-value"), clock, production))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("JWT_SECRET")
                .hasMessageNotContaining("short-secret-value");
        String placeholder = "CHANGE_ME_jwt_secret_of_at_least_32_bytes";
        assertThatThrownBy(() -> configuration.jwtDecoder(properties(placeholder), clock, production))
                .isInstanceOf(InvalidSecretException.class).hasMessageStartingWith("JWT_SECRET is a well-known value")
                .hasMessageNotContaining(placeholder);
        assertThat(configuration.jwtDecoder(properties(placeholder), clock, local)).isNotNull();
        assertThat(properties(placeholder).toString()).doesNotContain(placeholder);
    }

    private static SecurityConfiguration.JwtProperties properties(String secret) {
        return new SecurityConfiguration.JwtProperties(secret, Duration.ofHours(24), Duration.ofSeconds(30));
    }
}
