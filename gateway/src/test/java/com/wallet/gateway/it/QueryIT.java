package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import com.wallet.testsupport.LocalServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueryIT extends GatewayITBase {

    private static final String HISTORY = "query($w: String!, $l: Int, $o: Int) { getTransactionHistory(walletId: $w, "
            + "limit: $l, offset: $o) { id walletId counterpartyWalletId amount transactionType status description } }";

    private List<String> history(String token, String wallet, int limit, int offset) {
        Reply reply = graphql(token, HISTORY, Map.of("w", wallet, "l", limit, "o", offset));
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        List<String> ids = new ArrayList<>();
        reply.data("getTransactionHistory").forEach(tx -> ids.add(tx.path("id").asString()));
        return ids;
    }

    @Test
    void historyListsSourceAndDestinationNewestFirstWithPaging() {
        String alice = token(newUser());
        String bob = token(newUser());
        String a = createWallet(alice, "USD");
        String b = createWallet(bob, "USD");
        List<String> created = new ArrayList<>();
        created.add(deposit(alice, a, 100, "first", null).data("deposit").path("id").asString());
        created.add(transfer(bob, b, a, 200, "from bob", null).data("transfer").path("id").asString());
        created.add(withdraw(alice, a, 50).data("withdraw").path("id").asString());
        created.add(transfer(alice, a, b, 25, "to bob", null).data("transfer").path("id").asString());
        created.add(deposit(bob, b, 999, null, null).data("deposit").path("id").asString());   // not a's
        List<String> expected = List.of(created.get(3), created.get(2), created.get(1), created.get(0));

        assertThat(history(alice, a, 20, 0)).containsExactlyElementsOf(expected);
        assertThat(history(alice, a, 2, 0)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(history(alice, a, 2, 2)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(history(alice, a, 2, 4)).isEmpty();
        assertThat(history(bob, b, 20, 0)).containsExactly(created.get(4), created.get(3), created.get(1));
    }

    @Test
    void descriptionIsShownToItsOwnerOnly() {
        String alice = token(newUser());
        String bob = token(newUser());
        String a = createWallet(alice, "USD");
        String b = createWallet(bob, "USD");
        String txId = transfer(alice, a, b, 10, "secret memo", null).data("transfer").path("id").asString();
        String query = "query($id: String!) { getTransaction(id: $id) { id status amount description } }";

        Reply mine = graphql(alice, query, Map.of("id", txId));
        assertThat(mine.data("getTransaction").path("description").asString()).isEqualTo("secret memo");
        Reply receiver = graphql(bob, query, Map.of("id", txId));
        assertThat(receiver.ok()).isTrue();
        assertThat(receiver.data("getTransaction").path("description").isNull()).isTrue();
        Reply stranger = graphql(token(newUser()), query, Map.of("id", txId));
        assertThat(stranger.code()).isEqualTo("NOT_FOUND");
        Reply admin = graphql(adminToken(), query, Map.of("id", txId));
        assertThat(admin.ok()).isTrue();
        assertThat(admin.data("getTransaction").path("description").isNull()).isTrue();
    }

    @Test
    void createWalletEncryptsBankDetailsAndNeverReturnsThem() {
        String user = newUser();
        Reply reply = graphql(token(user), "mutation($in: CreateWalletInput!) { createWallet(input: $in) { "
                + WALLET_FIELDS + " stripeAccountId } }", Map.of("in", Map.of("label", "savings",
                "stripeAccountId", "acct_1Nv0FGQ9RKHgCVdK",
                "bankDetails", Map.of("bankName", "Acme Bank", "accountName", "Alice Liddell",
                        "accountNumber", "GB33BUKB20201555555555"))));

        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
        JsonNode wallet = reply.data("createWallet");
        assertThat(wallet.path("currency").asString()).isEqualTo("USD");
        assertThat(wallet.path("balance").asLong()).isZero();
        assertThat(wallet.path("isActive").asBoolean()).isTrue();
        assertThat(wallet.path("userId").asString()).isEqualTo(user);
        assertThat(wallet.path("label").asString()).isEqualTo("savings");
        assertThat(reply.body().toString()).doesNotContain("GB33BUKB").doesNotContain("Liddell");
        String id = wallet.path("id").asString();
        byte[] stored = jdbc.sql("SELECT bank_details FROM wallets WHERE id = CAST(:id AS uuid)").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GB33BUKB");
        FieldCipher cipher = KeyRing.parse(LocalServices.ENCRYPTION_KEY, "").cipher(KeyRing.Purpose.AT_REST);
        assertThat(new String(cipher.open(stored, "wallets.bank_details:" + id), StandardCharsets.UTF_8))
                .contains("GB33BUKB20201555555555").contains("Alice Liddell");

        Reply mine = graphql(token(user), "query { myWallets { id currency } }", Map.of());
        assertThat(mine.data("myWallets")).hasSize(1);
        assertThat(mine.data("myWallets").path(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void walletReadsShowTheBalanceColumn() {
        String user = token(newUser());
        String wallet = createWallet(user, "JPY");
        jdbc.sql("UPDATE wallets SET balance = 9007199254740993 WHERE id = CAST(:id AS uuid)").param("id", wallet)
                .update();
        Reply reply = graphql(user, "query($id: String!) { getWallet(id: $id) { balance currency } }",
                Map.of("id", wallet));
        assertThat(reply.data("getWallet").path("balance").asLong()).isEqualTo(9007199254740993L);
        assertThat(reply.data("getWallet").path("currency").asString()).isEqualTo("JPY");
    }

    @Test
    void refusesQueriesDeeperThanTen() {
        // __schema(1) types(2) fields(3) type(4) ofType x6 (5-10) name(11): one level too deep.
        String deep = "query { __schema { types { fields { type { " + "ofType { ".repeat(6) + "name"
                + " }".repeat(10) + " }";
        Reply reply = graphql(token(newUser()), deep, Map.of());
        assertThat(reply.firstError().path("message").asString()).containsIgnoringCase("depth");
        assertThat(reply.body().path("data").path("__schema").isMissingNode()
                || reply.body().path("data").path("__schema").isNull()).isTrue();
    }

    @Test
    void acceptsQueriesTenLevelsDeep() {
        String ten = "query { __schema { types { fields { type { " + "ofType { ".repeat(5) + "name"
                + " }".repeat(9) + " }";
        Reply reply = graphql(token(newUser()), ten, Map.of());
        assertThat(reply.ok()).as(reply.body().toString()).isTrue();
    }

    @Test
    void refusesOverlyComplexQueries() {
        StringBuilder query = new StringBuilder("query {");
        for (int i = 0; i < 60; i++) {
            query.append(" w").append(i).append(": myWallets { id userId balance currency }");
        }
        Reply reply = graphql(token(newUser()), query.append(" }").toString(), Map.of());
        assertThat(reply.firstError().path("message").asString()).containsIgnoringCase("complexity");
        assertThat(reply.body().path("data").path("w0").isMissingNode()
                || reply.body().path("data").path("w0").isNull()).isTrue();
    }

    @Test
    void refusesBodiesOver64KiB() {
        String padding = "x".repeat(70 * 1024);
        Reply reply = post(token(newUser()), "{\"query\":\"query { myWallets { id } }\",\"variables\":{\"p\":\""
                + padding + "\"}}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void refusesChunkedBodiesOver64KiB() throws Exception {
        byte[] body = ("{\"query\":\"query { myWallets { id } }\",\"variables\":{\"p\":\"" + "y".repeat(70 * 1024)
                + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(newUser()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void acceptsNormalChunkedBodies() throws Exception {
        byte[] body = "{\"query\":\"query { myWallets { id } }\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(newUser()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("myWallets");
    }

    @Test
    void servesGraphiqlHealthAndPrometheusWithoutAToken() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String path : List.of("/graphiql", "/actuator/health", "/actuator/prometheus")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        // contract section 11: the gateway uses PostgreSQL, Kafka and Redis (sessions, rate limits)
        for (String component : List.of("db", "kafka", "redis")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/" + component)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(component).contains("\"UP\"");
        }
    }
}
