package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Control characters, the wallets-per-user limit (default 20) and the paging of myWallets. */
class InputLimitsIT extends GatewayITBase {

    private static final String CREATE = "mutation($in: CreateWalletInput!) { createWallet(input: $in) { id } }";

    private long walletsOf(String user) {
        return jdbc.sql("SELECT count(*) FROM wallets WHERE user_id = :u").param("u", user).query(Long.class).single();
    }

    @Test
    void aNulOrOtherControlCharacterAnywhereInTheInputIsAnInvalidArgumentAndNothingIsStored() {
        String user = newUser();
        String token = token(user);
        for (String label : List.of("nul\u0000byte", "bell\u0007", "line\nbreak", "del\u007f", "c1\u0085")) {
            Reply reply = graphql(token, CREATE, Map.of("in", Map.of("currency", "USD", "label", label)));
            assertThat(reply.code()).as("label %s", label.chars().boxed().toList()).isEqualTo("INVALID_ARGUMENT");
            assertThat(reply.classification()).isEqualTo("BAD_REQUEST");
            assertThat(reply.firstError().path("message").asString()).doesNotContain("\u0000").doesNotContainIgnoringCase("sql");
        }
        // nested input object, and an inline literal in the document rather than a variable
        Reply nested = graphql(token, CREATE, Map.of("in", Map.of("currency", "USD", "bankDetails",
                Map.of("accountName", "A\u0000", "accountNumber", "1"))));
        assertThat(nested.code()).isEqualTo("INVALID_ARGUMENT");
        Reply literal = graphql(token, "mutation { createWallet(input: {currency: \"USD\", label: \"x\\u0000y\"}) { id } }",
                Map.of());
        assertThat(literal.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(walletsOf(user)).isZero();
    }

    @Test
    void aNulInADepositDescriptionIsRefusedAndNothingIsStoredOrPublished() {
        String token = token(newUser());
        String wallet = createWallet(token, "USD");

        Reply deposit = deposit(token, wallet, 100, "evil\u0000description", "key-\u0001");
        Reply transfer = transfer(token, wallet, createWallet(token, "USD"), 5, "tab\there", null);

        assertThat(deposit.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(deposit.body().path("data").path("deposit").isNull()
                || deposit.body().path("data").path("deposit").isMissingNode()).isTrue();
        assertThat(transfer.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(transactionsOf(wallet)).isZero();
        assertThat(commandsKeyedBy(wallet)).isEmpty();
    }

    @Test
    void aUserHoldsAtMostTwentyWalletsEvenWhenCreatingConcurrently() throws Exception {
        String user = newUser();
        String token = token(user);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Reply>> creations = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            creations.add(() -> graphql(token, CREATE, Map.of("in", Map.of("currency", "USD"))));
        }
        Map<String, Integer> outcomes = new HashMap<>();
        try {
            for (Future<Reply> f : pool.invokeAll(creations)) {
                Reply reply = f.get();
                outcomes.merge(reply.ok() ? "OK" : reply.code(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).isEqualTo(Map.of("OK", 20, "LIMIT_EXCEEDED", 6));
        assertThat(walletsOf(user)).isEqualTo(20);
        Reply more = graphql(token, CREATE, Map.of("in", Map.of("currency", "EUR")));
        assertThat(more.code()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(more.classification()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void myWalletsIsPagedOldestFirstWithLimitAndOffsetChecked() {
        String token = token(newUser());
        List<String> created = List.of(createWallet(token, "USD"), createWallet(token, "EUR"), createWallet(token, "JPY"));
        String page = "query($l: Int, $o: Int) { myWallets(limit: $l, offset: $o) { id } }";

        Reply first = graphql(token, page, Map.of("l", 2, "o", 0));
        Reply second = graphql(token, page, Map.of("l", 2, "o", 2));
        Reply defaults = graphql(token, "query { myWallets { id } }", Map.of());

        assertThat(first.data("myWallets").findValuesAsString("id")).containsExactly(created.get(0), created.get(1));
        assertThat(second.data("myWallets").findValuesAsString("id")).containsExactly(created.get(2));
        assertThat(defaults.data("myWallets").findValuesAsString("id")).containsExactlyElementsOf(created);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("l", 0, "o", 0), Map.of("l", 101, "o", 0),
                Map.of("l", 10, "o", -1))) {
            Reply reply = graphql(token, page, bad);
            assertThat(reply.code()).as("%s", bad).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(graphql(token, page, Map.of("l", 100, "o", 0)).ok()).isTrue();
    }
}
