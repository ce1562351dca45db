package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every synchronous rejection: the right classification and code, no row written, nothing published. */
class RejectionIT extends GatewayITBase {

    private void assertRejected(Reply reply, String classification, String code, String... wallets) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.classification()).isEqualTo(classification);
        for (String wallet : wallets) {
            assertThat(transactionsOf(wallet)).as("transactions of " + wallet).isZero();
            assertThat(rows("command_outbox", "wallet_id", wallet)).isZero();
            assertThat(rows("outbox_events", "wallet_id", wallet)).isZero();
            assertThat(commandsKeyedBy(wallet)).as("records on wallet.commands").isEmpty();
        }
    }

    @Test
    void rejectsZeroNegativeAndOversizedAmounts() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");

        assertRejected(deposit(user, wallet, 0, null, null), "BAD_REQUEST", "INVALID_AMOUNT", wallet);
        assertRejected(deposit(user, wallet, -1, null, null), "BAD_REQUEST", "INVALID_AMOUNT", wallet);
        assertRejected(deposit(user, wallet, 100_000_001, null, null), "BAD_REQUEST", "INVALID_AMOUNT", wallet);
        assertRejected(withdraw(user, wallet, 0), "BAD_REQUEST", "INVALID_AMOUNT", wallet);
        String other = createWallet(user, "USD");
        assertRejected(transfer(user, wallet, other, -5, null, null), "BAD_REQUEST", "INVALID_AMOUNT", wallet, other);
    }

    @Test
    void refusesAWithdrawalFromAWalletWithoutStripeAccountOutsideLocalMode() {
        String user = token(newUser());
        String wallet = createWallet(user, Map.of("currency", "USD"));

        Reply reply = withdraw(user, wallet, 10);

        assertRejected(reply, "BAD_REQUEST", "INVALID_ARGUMENT", wallet);
        assertThat(reply.firstError().path("message").asString()).isEqualTo("wallet has no stripeAccountId for payouts");
    }

    @Test
    void acceptsTheMaximumAmount() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertThat(deposit(user, wallet, 100_000_000, null, null).ok()).isTrue();
    }

    @Test
    void rejectsTransferToTheSameWallet() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        assertRejected(transfer(user, wallet, wallet, 10, null, null), "BAD_REQUEST", "SAME_WALLET", wallet);
    }

    @Test
    void rejectsUnknownWallets() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        String unknown = UUID.randomUUID().toString();

        assertRejected(deposit(user, unknown, 10, null, null), "NOT_FOUND", "NOT_FOUND");
        assertRejected(transfer(user, wallet, unknown, 10, null, null), "NOT_FOUND", "NOT_FOUND", wallet);
        assertRejected(transfer(user, unknown, wallet, 10, null, null), "NOT_FOUND", "NOT_FOUND", wallet);
    }

    @Test
    void anotherUsersWalletAnswersExactlyLikeAMissingOne() {
        String alice = token(newUser());
        String bob = token(newUser());
        String bobs = createWallet(bob, "USD");
        String alices = createWallet(alice, "USD");

        Reply foreign = deposit(alice, bobs, 10, null, null);
        Reply missing = deposit(alice, UUID.randomUUID().toString(), 10, null, null);
        assertRejected(foreign, "NOT_FOUND", "NOT_FOUND", bobs);
        assertThat(foreign.firstError().path("message").asString())
                .isEqualTo(missing.firstError().path("message").asString());
        assertRejected(withdraw(alice, bobs, 10), "NOT_FOUND", "NOT_FOUND", bobs);
        assertRejected(transfer(alice, bobs, alices, 10, null, null), "NOT_FOUND", "NOT_FOUND", bobs, alices);
        assertRejected(graphql(alice, "query($id: String!) { getWallet(id: $id) { id balance } }",
                Map.of("id", bobs)), "NOT_FOUND", "NOT_FOUND");
        assertRejected(graphql(alice, "query($id: String!) { getTransactionHistory(walletId: $id) { id } }",
                Map.of("id", bobs)), "NOT_FOUND", "NOT_FOUND");
    }

    @Test
    void rejectsTransferBetweenCurrencies() {
        String user = token(newUser());
        String usd = createWallet(user, "USD");
        String eur = createWallet(user, "EUR");
        assertRejected(transfer(user, usd, eur, 10, null, null), "BAD_REQUEST", "CURRENCY_MISMATCH", usd, eur);
    }

    @Test
    void rejectsMovementsFromAFrozenWallet() {
        String user = token(newUser());
        String frozen = createWallet(user, "USD");
        String other = createWallet(user, "USD");
        assertThat(freeze(adminToken(), frozen).ok()).isTrue();

        assertRejected(deposit(user, frozen, 10, null, null), "BAD_REQUEST", "WALLET_INACTIVE", frozen);
        assertRejected(withdraw(user, frozen, 10), "BAD_REQUEST", "WALLET_INACTIVE", frozen);
        assertRejected(transfer(user, frozen, other, 10, null, null), "BAD_REQUEST", "WALLET_INACTIVE", frozen, other);
    }

    @Test
    void rejectsBadPagingAndMalformedIds() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        String history = "query($w: String!, $l: Int, $o: Int) { getTransactionHistory(walletId: $w, limit: $l, "
                + "offset: $o) { id } }";

        assertRejected(graphql(user, history, Map.of("w", wallet, "l", 0, "o", 0)), "BAD_REQUEST", "INVALID_ARGUMENT");
        assertRejected(graphql(user, history, Map.of("w", wallet, "l", 101, "o", 0)), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, history, Map.of("w", wallet, "l", 10, "o", -1)), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, history, Map.of("w", "not-an-id", "l", 10, "o", 0)), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, "query { getTransaction(id: \"42\") { id } }", Map.of()), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(deposit(user, "'; drop table wallets; --", 10, null, null), "BAD_REQUEST", "INVALID_ARGUMENT");
        assertRejected(transfer(user, wallet, "nope", 10, null, null), "BAD_REQUEST", "INVALID_ARGUMENT", wallet);
        assertRejected(deposit(user, wallet, 10, "x".repeat(501), null), "BAD_REQUEST", "INVALID_ARGUMENT", wallet);
        assertRejected(deposit(user, wallet, 10, null, "k".repeat(256)), "BAD_REQUEST", "INVALID_ARGUMENT", wallet);
    }

    @Test
    void rejectsAReusedIdempotencyKeyForAnotherRequest() {
        String user = token(newUser());
        String wallet = createWallet(user, "USD");
        String other = createWallet(user, "USD");
        Reply first = deposit(user, wallet, 1_000, null, "reused");
        assertThat(first.ok()).isTrue();

        assertRejected(deposit(user, wallet, 2_000, null, "reused"), "BAD_REQUEST", "IDEMPOTENCY_KEY_REUSED");
        assertRejected(deposit(user, wallet, 1_000, "now with a memo", "reused"), "BAD_REQUEST",
                "IDEMPOTENCY_KEY_REUSED");
        assertRejected(transfer(user, wallet, other, 1_000, null, "reused"), "BAD_REQUEST", "IDEMPOTENCY_KEY_REUSED",
                other);
        assertThat(transactionsOf(wallet)).isEqualTo(1);
        assertThat(rows("command_outbox", "wallet_id", wallet)).isEqualTo(1);
    }

    @Test
    void rejectsInvalidWalletInput() {
        String user = token(newUser());
        String create = "mutation($in: CreateWalletInput!) { createWallet(input: $in) { id } }";
        assertRejected(graphql(user, create, Map.of("in", Map.of("currency", "XYZ"))), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, create, Map.of("in", Map.of("currency", "dollars"))), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, create, Map.of("in", Map.of("label", "l".repeat(101)))), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, create, Map.of("in", Map.of("stripeAccountId", "acc_123"))), "BAD_REQUEST",
                "INVALID_ARGUMENT");
        assertRejected(graphql(user, create, Map.of("in", Map.of("bankDetails",
                Map.of("accountName", " ", "accountNumber", "123")))), "BAD_REQUEST", "INVALID_ARGUMENT");
        assertThat(graphql(user, "query { myWallets { id } }", Map.of()).data("myWallets")).isEmpty();
    }
}
