package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** auditLog: the gateway's entries (PENDING transactions, freeze and unfreeze), for administrators only. */
class AuditLogIT extends GatewayITBase {

    private static final String ENTRY_FIELDS = "id occurredAt actor action walletId transactionId before after";

    private Reply auditLog(String token, String walletId, Integer limit, Integer offset) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("w", walletId);
        variables.put("limit", limit == null ? 20 : limit);
        variables.put("offset", offset == null ? 0 : offset);
        return graphql(token, "query($w: String, $limit: Int, $offset: Int) { auditLog(walletId: $w, limit: $limit, "
                + "offset: $offset) { " + ENTRY_FIELDS + " } }", variables);
    }

    private List<JsonNode> entries(Reply reply) {
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        return reply.data("auditLog").valueStream().toList();
    }

    @Test
    void recordsFreezeAndUnfreezeWithTheAdminAndTheStateBeforeAndAfter() {
        String admin = "admin-" + UUID.randomUUID();
        String adminToken = token(admin, "USER", "ADMIN");
        String wallet = createWallet(token(newUser()), "USD");

        assertThat(freeze(adminToken, wallet).ok()).isTrue();
        assertThat(graphql(adminToken, "mutation($w: String!) { unfreezeWallet(walletId: $w) { id } }",
                Map.of("w", wallet)).ok()).isTrue();

        List<JsonNode> entries = entries(auditLog(adminToken, wallet, null, null));
        assertThat(entries).extracting(e -> e.path("action").asString())
                .containsExactly("WALLET_UNFROZEN", "WALLET_FROZEN");   // newest first
        JsonNode frozen = entries.get(1);
        assertThat(frozen.path("actor").asString()).isEqualTo(admin);
        assertThat(frozen.path("walletId").asString()).isEqualTo(wallet);
        assertThat(frozen.path("transactionId").isNull()).isTrue();
        assertThat(frozen.path("before").path("isActive").asBoolean()).isTrue();
        assertThat(frozen.path("after").path("isActive").asBoolean()).isFalse();
        assertThat(entries.get(0).path("after").path("isActive").asBoolean()).isTrue();
        assertThat(frozen.path("occurredAt").asString()).isNotBlank();
        assertThat(Long.parseLong(entries.get(0).path("id").asString()))
                .isGreaterThan(Long.parseLong(frozen.path("id").asString()));
    }

    @Test
    void recordsAPendingTransactionWithItsCreatorAsActorInTheSameTransaction() {
        String user = newUser();
        String wallet = createWallet(token(user), "USD");
        String other = createWallet(token(newUser()), "USD");

        Reply transfer = transfer(token(user), wallet, other, 250, "rent, secret words", "audit-" + UUID.randomUUID());
        String transactionId = transfer.data("transfer").path("id").asString();

        List<JsonNode> entries = entries(auditLog(adminToken(), wallet, null, null));
        assertThat(entries).hasSize(1);
        JsonNode created = entries.get(0);
        assertThat(created.path("action").asString()).isEqualTo("TRANSACTION_CREATED");
        assertThat(created.path("actor").asString()).isEqualTo(user);
        assertThat(created.path("transactionId").asString()).isEqualTo(transactionId);
        assertThat(created.path("before").isNull()).isTrue();
        assertThat(created.path("after").path("status").asString()).isEqualTo("PENDING");
        // states only: no description, metadata or bank detail in an audit entry (contract 8)
        assertThat(created.toString()).doesNotContain("secret words");
        // the destination's log shows it too
        assertThat(entries(auditLog(adminToken(), other, null, null))).extracting(e -> e.path("transactionId").asString())
                .containsExactly(transactionId);
        // one entry per outbox event: written together
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE transaction_id = CAST(:t AS uuid)")
                .param("t", transactionId).query(Long.class).single())
                .isEqualTo(rows("outbox_events", "transaction_id", transactionId));
    }

    @Test
    void listsEveryWalletNewestFirstAndPages() {
        String adminToken = adminToken();
        String user = token(newUser());
        String first = createWallet(user, "USD");
        String second = createWallet(user, "USD");
        assertThat(freeze(adminToken, first).ok()).isTrue();
        assertThat(freeze(adminToken, second).ok()).isTrue();

        List<JsonNode> newest = entries(auditLog(adminToken, null, 2, null));
        assertThat(newest).extracting(e -> e.path("walletId").asString()).containsExactly(second, first);
        assertThat(entries(auditLog(adminToken, null, 1, 1))).extracting(e -> e.path("walletId").asString())
                .containsExactly(first);
    }

    @Test
    void recordsATokenRevocationWithTheAdminAndTheRevokedUser() {
        String admin = "admin-" + UUID.randomUUID();
        String adminToken = token(admin, "USER", "ADMIN");
        String user = newUser();
        String userToken = token(user);

        Reply revoked = graphql(adminToken, "mutation($u: String!) { revokeUserTokens(userId: $u) }", Map.of("u", user));

        assertThat(revoked.ok()).as(revoked.body().toString()).isTrue();
        assertThat(graphql(userToken, "query { myWallets { id } }", Map.of()).status()).isEqualTo(401);
        JsonNode entry = entries(auditLog(adminToken, null, 100, null)).stream()
                .filter(e -> e.path("action").asString().equals("USER_TOKENS_REVOKED")
                        && e.path("after").path("userId").asString().equals(user))
                .findFirst().orElseThrow();
        assertThat(entry.path("actor").asString()).isEqualTo(admin);
        assertThat(entry.path("walletId").isNull()).isTrue();
        assertThat(entry.path("transactionId").isNull()).isTrue();
        assertThat(entry.path("before").isNull()).isTrue();
        assertThat(entry.path("after").path("revokedIssuedAtOrBefore").asString()).isNotBlank();
        // the token itself is never in the trail
        assertThat(entry.toString()).doesNotContain(userToken).doesNotContain(adminToken);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'USER_TOKENS_REVOKED' AND after ->> 'userId' = :u")
                .param("u", user).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAUserWithForbidden() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        Reply reply = auditLog(user, wallet, null, null);

        assertThat(reply.classification()).isEqualTo("FORBIDDEN");
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(reply.data("auditLog").isNull() || reply.data("auditLog").isMissingNode()).isTrue();
        assertThat(auditLog(user, null, null, null).classification()).isEqualTo("FORBIDDEN");
    }

    @Test
    void refusesBadArguments() {
        assertThat(auditLog(adminToken(), "not-a-uuid", null, null).code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(auditLog(adminToken(), null, 0, null).code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(auditLog(adminToken(), null, 101, null).code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(auditLog(adminToken(), null, 20, -1).code()).isEqualTo("INVALID_ARGUMENT");
    }
}
