package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions in Redis (contract section 4): logout and the revocation of every token of a user. */
class SessionIT extends GatewayITBase {

    private static final String ME = "query { myWallets { id } }";
    private static final String LOGOUT = "mutation { logout }";
    private static final String REVOKE = "mutation($u: String!) { revokeUserTokens(userId: $u) }";

    private static String tokenIssuedAt(String user, Instant issuedAt) {
        return signed(Jwts.builder().subject(user).id(UUID.randomUUID().toString()).claim("roles", List.of("USER"))
                .issuedAt(Date.from(issuedAt)).expiration(Date.from(issuedAt.plusSeconds(600))));
    }

    private void assertUnauthorized(String token) {
        Reply reply = graphql(token, ME, Map.of());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void logoutRevokesTheCallersTokenOnly() {
        String user = newUser();
        String session = token(user);
        String otherSession = token(user);
        assertThat(graphql(session, ME, Map.of()).ok()).isTrue();

        Reply logout = graphql(session, LOGOUT, Map.of());

        assertThat(logout.ok()).as(logout.body().toString()).isTrue();
        assertThat(logout.data("logout").asBoolean()).isTrue();
        assertUnauthorized(session);
        assertThat(graphql(session, LOGOUT, Map.of()).status()).isEqualTo(401);
        assertThat(graphql(otherSession, ME, Map.of()).ok()).as("another token of the same user").isTrue();
    }

    @Test
    void logoutOfATokenWithoutJtiRevokesNothingAndSaysSo() {
        String token = signed(Jwts.builder().subject(newUser()).issuedAt(new Date())
                .expiration(Date.from(Instant.now().plusSeconds(600))));
        Reply logout = graphql(token, LOGOUT, Map.of());
        assertThat(logout.ok()).isTrue();
        assertThat(logout.data("logout").asBoolean()).isFalse();
    }

    @Test
    void revokeUserTokensRefusesTokensIssuedBeforeButNotAfter() {
        String user = newUser();
        String older = tokenIssuedAt(user, Instant.now().minusSeconds(60));
        String justBefore = token(user);
        String bystander = token(newUser());

        Reply revoked = graphql(adminToken(), REVOKE, Map.of("u", user));

        assertThat(revoked.ok()).as(revoked.body().toString()).isTrue();
        assertThat(revoked.data("revokeUserTokens").asBoolean()).isTrue();
        assertUnauthorized(older);
        assertUnauthorized(justBefore);
        assertThat(graphql(bystander, ME, Map.of()).ok()).as("another user's token").isTrue();
        // issued after the call (iat is in whole seconds: the next second is after it)
        String newer = tokenIssuedAt(user, Instant.now().plusSeconds(1));
        assertThat(graphql(newer, ME, Map.of()).ok()).as("a token issued after the revocation").isTrue();
    }

    @Test
    void aTokenWithoutIatIsRefusedOnceItsUserWasRevoked() {
        String user = newUser();
        String noIat = signed(Jwts.builder().subject(user).expiration(Date.from(Instant.now().plusSeconds(600))));
        assertThat(graphql(noIat, ME, Map.of()).ok()).isTrue();
        assertThat(graphql(adminToken(), REVOKE, Map.of("u", user)).ok()).isTrue();
        assertUnauthorized(noIat);
    }

    @Test
    void onlyAnAdminRevokesAUsersTokens() {
        String victim = newUser();
        String victimToken = token(victim);

        Reply reply = graphql(token(newUser()), REVOKE, Map.of("u", victim));

        assertThat(reply.classification()).isEqualTo("FORBIDDEN");
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(graphql(victimToken, ME, Map.of()).ok()).isTrue();
    }
}
