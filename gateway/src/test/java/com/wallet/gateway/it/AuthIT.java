package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthIT extends GatewayITBase {

    private static final String QUERY = "query { myWallets { id } }";

    private void assertUnauthorized(String token) {
        Reply reply = graphql(token, QUERY, Map.of());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.firstError().path("message").asString()).isNotBlank();
    }

    @Test
    void acceptsAValidToken() {
        Reply reply = graphql(token(newUser()), QUERY, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.ok()).isTrue();
    }

    @Test
    void refusesAMissingToken() {
        assertUnauthorized(null);
    }

    @Test
    void refusesGarbage() {
        assertUnauthorized("not.a.jwt");
    }

    @Test
    void refusesABadSignature() {
        String forged = Jwts.builder().subject("mallory").claim("roles", List.of("ADMIN"))
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor("another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)),
                        Jwts.SIG.HS256)
                .compact();
        assertUnauthorized(forged);
    }

    @Test
    void refusesAlgNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"mallory\",\"roles\":[\"ADMIN\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(header + "." + payload + ".");
    }

    @Test
    void refusesAnExpiredToken() {
        assertUnauthorized(signed(Jwts.builder().subject("late").claim("roles", List.of("USER"))
                .expiration(Date.from(Instant.now().minusSeconds(60)))));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertUnauthorized(signed(Jwts.builder().subject("forever").claim("roles", List.of("USER"))));
    }

    @Test
    void refusesATokenWithoutSubject() {
        assertUnauthorized(signed(Jwts.builder().claim("roles", List.of("ADMIN"))
                .expiration(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void refusesAnUnknownRoleLikeABadToken() {
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).claim("roles", List.of("USER", "SUPERUSER"))
                .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600)))));
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).claim("roles", "root")
                .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void refusesATokenLivingLongerThanTheMaximumLifetime() {
        Instant now = Instant.now();
        // JWT_MAX_TOKEN_LIFETIME defaults to 24 h: exp - iat just above it, and no iat with exp too far ahead
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(24 * 3600 + 60)))));
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).expiration(Date.from(now.plusSeconds(25 * 3600)))));
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).issuedAt(Date.from(now.plusSeconds(3600)))
                .expiration(Date.from(now.plusSeconds(7200)))));
        Reply day = graphql(signed(Jwts.builder().subject(newUser()).issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(24 * 3600)))), QUERY, Map.of());
        assertThat(day.ok()).as("exactly the maximum lifetime").isTrue();
    }

    @Test
    void toleratesThirtySecondsOfClockSkewOnExpiry() {
        assertThat(graphql(signed(Jwts.builder().subject(newUser()).issuedAt(Date.from(Instant.now().minusSeconds(600)))
                .expiration(Date.from(Instant.now().minusSeconds(10)))), QUERY, Map.of()).ok()).isTrue();
        assertUnauthorized(signed(Jwts.builder().subject(newUser()).issuedAt(Date.from(Instant.now().minusSeconds(600)))
                .expiration(Date.from(Instant.now().minusSeconds(45)))));
    }

    @Test
    void aTokenWithoutRolesIsAPlainUser() {
        String user = newUser();
        String token = signed(Jwts.builder().subject(user).issuedAt(new Date())
                .expiration(Date.from(Instant.now().plusSeconds(600))));
        String wallet = createWallet(token, "USD");

        assertThat(graphql(token, QUERY, Map.of()).ok()).isTrue();
        assertThat(freeze(token, wallet).code()).isEqualTo("FORBIDDEN");
        String others = createWallet(token(newUser()), "USD");
        assertThat(graphql(token, "query($id: String!) { getWallet(id: $id) { id } }", Map.of("id", others)).code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aUserCannotUnfreezeAWallet() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertThat(freeze(adminToken(), wallet).ok()).isTrue();

        Reply reply = graphql(user, "mutation($w: String!) { unfreezeWallet(walletId: $w) { isActive } }",
                Map.of("w", wallet));

        assertThat(reply.classification()).isEqualTo("FORBIDDEN");
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("SELECT is_active FROM wallets WHERE id = CAST(:id AS uuid)").param("id", wallet)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aUserCannotFreezeAWallet() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply reply = freeze(user, wallet);

        assertThat(reply.classification()).isEqualTo("FORBIDDEN");
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("SELECT is_active FROM wallets WHERE id = CAST(:id AS uuid)").param("id", wallet)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAdminFreezesUnfreezesAndReadsAnyWallet() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        String admin = adminToken();

        Reply frozen = freeze(admin, wallet);
        assertThat(frozen.ok()).as(frozen.body().toString()).isTrue();
        assertThat(frozen.data("freezeWallet").path("isActive").asBoolean()).isFalse();

        Reply read = graphql(admin, "query($id: String!) { getWallet(id: $id) { id isActive } }",
                Map.of("id", wallet));
        assertThat(read.ok()).isTrue();
        assertThat(read.data("getWallet").path("isActive").asBoolean()).isFalse();

        Reply unfrozen = graphql(admin, "mutation($w: String!) { unfreezeWallet(walletId: $w) { isActive } }",
                Map.of("w", wallet));
        assertThat(unfrozen.data("unfreezeWallet").path("isActive").asBoolean()).isTrue();
        assertThat(deposit(user, wallet, 10, null, null).ok()).isTrue();
    }

    @Test
    void freezingAnUnknownWalletIsNotFound() {
        Reply reply = freeze(adminToken(), java.util.UUID.randomUUID().toString());
        assertThat(reply.code()).isEqualTo("NOT_FOUND");
    }

}
