package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Synchronous rejections of contract sections 4 and 5, seen from outside. */
class RejectionsIT {

    private static final String ME = "query { myWallets { id } }";
    private final WalletApi api = new WalletApi();

    @Test
    void invalidAmountsAreRefused() {
        String user = api.token("amounts-" + UUID.randomUUID(), false);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        for (long amount : new long[] {0, -5, 100_000_001}) {
            WalletApi.Response r = api.transferCall(user, from, to, amount, null);
            assertThat(r.errorCode()).as("amount %d", amount).isEqualTo("INVALID_AMOUNT");
            assertThat(r.classification()).isEqualTo("BAD_REQUEST");
        }
        assertThat(api.history(user, from, 20, 0)).isEmpty();
    }

    @Test
    void aTransferToTheSameWalletIsRefused() {
        String user = api.token("same-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        assertThat(api.transferCall(user, wallet, wallet, 10, null).errorCode()).isEqualTo("SAME_WALLET");
    }

    @Test
    void unknownAndForeignWalletsLookTheSame() {
        String owner = api.token("owner-" + UUID.randomUUID(), false);
        String stranger = api.token("stranger-" + UUID.randomUUID(), false);
        String ownersWallet = api.createWallet(owner, "USD");
        String strangersWallet = api.createWallet(stranger, "USD");

        WalletApi.Response foreign = api.transferCall(stranger, ownersWallet, strangersWallet, 10, null);
        WalletApi.Response unknown = api.transferCall(stranger, UUID.randomUUID().toString(), strangersWallet, 10, null);
        WalletApi.Response read = api.call(stranger, "query($id: String!) { getWallet(id: $id) { id balance } }",
                Map.of("id", ownersWallet));

        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body().path("errors").path(0).path("message").asString())
                .isEqualTo(unknown.body().path("errors").path(0).path("message").asString());
        assertThat(read.body().path("data").path("getWallet").isNull() || "NOT_FOUND".equals(read.errorCode()))
                .isTrue();
    }

    @Test
    void transfersBetweenCurrenciesAreRefused() {
        String user = api.token("fx-" + UUID.randomUUID(), false);
        String usd = api.createWallet(user, "USD");
        String eur = api.createWallet(user, "EUR");
        assertThat(api.transferCall(user, usd, eur, 10, null).errorCode()).isEqualTo("CURRENCY_MISMATCH");
    }

    @Test
    void malformedIdsAndPagingAreInvalidArguments() {
        String user = api.token("paging-" + UUID.randomUUID(), false);
        String wallet = api.createWallet(user, "USD");
        String history = "query($w: String!, $l: Int, $o: Int) { getTransactionHistory(walletId: $w, limit: $l, offset: $o) { id } }";
        assertThat(api.call(user, history, Map.of("w", wallet, "l", 0, "o", 0)).errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(api.call(user, history, Map.of("w", wallet, "l", 101, "o", 0)).errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(api.call(user, history, Map.of("w", wallet, "l", 10, "o", -1)).errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(api.call(user, history, Map.of("w", "not-a-wallet-id", "l", 10, "o", 0)).errorCode())
                .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        String valid = api.token("mallory-" + UUID.randomUUID(), false);
        String[] parts = valid.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("forged-signature-forged-signature".getBytes(StandardCharsets.UTF_8));
        String algNone = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        for (String token : new String[] {null, "garbage", badSignature, algNone}) {
            WalletApi.Response r = api.call(token, ME, Map.of());
            assertThat(r.status()).as("token %s", token == null ? "absent" : "forged").isEqualTo(401);
        }
        assertThat(api.call(valid, ME, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesATokenOfBinWalletTokenAndAnAdminRevokesAllOfAUser() {
        String user = "session-" + UUID.randomUUID();
        String first = api.token(user, false);
        String second = api.token(user, false);
        assertThat(api.ok(first, "logout", "mutation { logout }", Map.of()).asBoolean()).isTrue();
        WalletApi.Response afterLogout = api.call(first, ME, Map.of());
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(api.call(second, ME, Map.of()).status()).as("another token of the user").isEqualTo(200);

        String revoke = "mutation($u: String!) { revokeUserTokens(userId: $u) }";
        assertThat(api.call(second, revoke, Map.of("u", user)).classification()).isEqualTo("FORBIDDEN");
        assertThat(api.ok(api.token("ops-" + UUID.randomUUID(), true), "revokeUserTokens", revoke, Map.of("u", user))
                .asBoolean()).isTrue();
        assertThat(api.call(second, ME, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void controlCharactersAreRefusedAndNothingIsStored() {
        String user = api.token("nul-" + UUID.randomUUID(), false);
        WalletApi.Response r = api.call(user, "mutation($l: String) { createWallet(input: {label: $l}) { id } }",
                Map.of("l", "a\u0000b"));
        assertThat(r.errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(api.ok(user, "myWallets", ME, Map.of())).isEmpty();
    }

    @Test
    void onlyAdminsFreezeWalletsAndAFrozenWalletCannotSend() {
        String user = api.token("frozen-" + UUID.randomUUID(), false);
        String admin = api.token("ops-" + UUID.randomUUID(), true);
        String from = api.createWallet(user, "USD");
        String to = api.createWallet(user, "USD");
        String freeze = "mutation($w: String!) { freezeWallet(walletId: $w) { id isActive } }";

        assertThat(api.call(user, freeze, Map.of("w", from)).classification()).isEqualTo("FORBIDDEN");
        assertThat(api.ok(admin, "freezeWallet", freeze, Map.of("w", from)).path("isActive").asBoolean()).isFalse();
        assertThat(api.transferCall(user, from, to, 10, null).errorCode()).isEqualTo("WALLET_INACTIVE");
    }
}
