package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String SECRET = "test-jwt-secret-that-is-at-least-32-bytes-long";
    private static final Instant NOW = Instant.now();

    private static Jws<Claims> verify(String token) {
        return Jwts.parser()
                .verifyWith(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .build().parseSignedClaims(token);
    }

    @Test
    void shouldSignAUserTokenWithTheClaimsTheGatewayReads() {
        Jws<Claims> jws = verify(Tokens.mint("alice", false, Duration.ofHours(1), SECRET, NOW));

        Claims claims = jws.getPayload();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(jws.getHeader().getType()).isEqualTo("JWT");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.get("roles", List.class)).containsExactly("USER");
        assertThat(claims.getId()).matches("[0-9a-f-]{36}");
        assertThat(claims.getIssuedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond()));
        assertThat(claims.getExpiration().toInstant()).isEqualTo(Instant.ofEpochSecond(NOW.getEpochSecond() + 3600));
    }

    @Test
    void shouldGiveAnAdminBothRoles() {
        Claims claims = verify(Tokens.mint("root", true, Duration.ofMinutes(5), SECRET, NOW)).getPayload();

        assertThat(claims.get("roles", List.class)).containsExactly("USER", "ADMIN");
    }

    @Test
    void shouldKeepTheClaimOrderOfTheBashToken() {
        String payload = Tokens.mint("alice", false, Duration.ofHours(1), SECRET, NOW).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);

        assertThat(json).matches("\\{\"sub\":\"alice\",\"roles\":\\[\"USER\"],\"jti\":\"[0-9a-f-]{36}\",\"iat\":[0-9]+,\"exp\":[0-9]+}");
    }

    @Test
    void shouldGiveEachTokenItsOwnId() {
        String a = verify(Tokens.mint("alice", false, Duration.ofHours(1), SECRET, NOW)).getPayload().getId();
        String b = verify(Tokens.mint("alice", false, Duration.ofHours(1), SECRET, NOW)).getPayload().getId();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldReadTtlSuffixes() {
        assertThat(Tokens.parseTtl("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Tokens.parseTtl("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Tokens.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Tokens.parseTtl("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Tokens.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldRefuseMalformedInput() {
        assertThatThrownBy(() -> Tokens.parseTtl("1w")).hasMessageContaining("s/m/h/d suffix (got '1w')");
        assertThatThrownBy(() -> Tokens.parseTtl("0h")).hasMessage("--ttl must be positive");
        assertThatThrownBy(() -> Tokens.mint("al ice", false, Duration.ofHours(1), SECRET, NOW))
                .hasMessage("USER may contain letters, digits and . _ @ + - only");
        assertThatThrownBy(() -> Tokens.mint("alice", false, Duration.ofHours(1), "short", NOW))
                .hasMessageContaining("at least 32 bytes");
    }
}
