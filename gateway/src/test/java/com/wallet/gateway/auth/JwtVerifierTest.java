package com.wallet.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import com.wallet.gateway.wallet.application.Caller;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final String SECRET = "unit-test-secret-that-is-32-bytes-or-more";
    private final JwtVerifier verifier = new JwtVerifier(SECRET);

    private static String sign(JwtBuilder builder, String secret) {
        return builder.signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
    }

    private static JwtBuilder valid(String subject, String... roles) {
        return Jwts.builder().subject(subject).claim("roles", List.of(roles))
                .expiration(Date.from(Instant.now().plusSeconds(60)));
    }

    @Test
    void acceptsAUserAndAnAdmin() {
        assertThat(verifier.verify(sign(valid("alice", "USER"), SECRET))).contains(new Caller("alice", false));
        assertThat(verifier.verify(sign(valid("root", "USER", "ADMIN"), SECRET))).contains(new Caller("root", true));
        assertThat(verifier.verify(sign(Jwts.builder().subject("norole")
                .expiration(Date.from(Instant.now().plusSeconds(60))), SECRET))).contains(new Caller("norole", false));
        assertThat(verifier.verify(sign(Jwts.builder().subject("ops").claim("roles", "ADMIN")
                .expiration(Date.from(Instant.now().plusSeconds(60))), SECRET))).contains(new Caller("ops", true));
    }

    @Test
    void refusesBadSignatureExpiredMissingSubjectOrExpiryAndGarbage() {
        assertThat(verifier.verify(sign(valid("alice", "ADMIN"), SECRET + "x"))).isEmpty();
        assertThat(verifier.verify(sign(Jwts.builder().subject("a").expiration(Date.from(Instant.now()
                .minusSeconds(5))), SECRET))).isEmpty();
        assertThat(verifier.verify(sign(Jwts.builder().expiration(Date.from(Instant.now().plusSeconds(60))),
                SECRET))).isEmpty();
        assertThat(verifier.verify(sign(Jwts.builder().subject("a"), SECRET))).isEmpty();
        assertThat(verifier.verify(sign(valid("x".repeat(256), "USER"), SECRET))).isEmpty();
        assertThat(verifier.verify("")).isEmpty();
        assertThat(verifier.verify("a.b.c")).isEmpty();
    }

    @Test
    void refusesAlgNoneAndOtherAlgorithms() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"a\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(verifier.verify(none)).isEmpty();
        String hs512 = valid("alice", "USER").signWith(Keys.hmacShaKeyFor(
                (SECRET + SECRET).getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512).compact();
        assertThat(new JwtVerifier(SECRET + SECRET).verify(hs512)).isEmpty();
    }

    @Test
    void aMissingOrShortSecretStopsStartUpNamingTheVariableNotTheValue() {
        AuthConfiguration configuration = new AuthConfiguration();
        assertThatThrownBy(() -> configuration.jwtVerifier(new AuthConfiguration.JwtProperties(null)))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("JWT_SECRET");
        assertThatThrownBy(() -> configuration.jwtVerifier(new AuthConfiguration.JwtProperties("short-secret-value")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("JWT_SECRET")
                .hasMessageNotContaining("short-secret-value");
        assertThat(new AuthConfiguration.JwtProperties("short-secret-value").toString())
                .doesNotContain("short-secret-value");
    }
}
