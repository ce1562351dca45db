package com.wallet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * The scripted scenario through the public GraphQL API (contract section 2): two users, deposits (one
 * with 3-D Secure), a transfer, a withdrawal, a refund in Stripe, balances, history and the scenario's
 * events on wallet.transactions. bin/wallet demo runs the invariant checker after it.
 */
@Command(name = "demo", customSynopsis = "usage: bin/wallet demo",
        description = "A scripted scenario through the GraphQL API (needs `up`): two users, deposits (one with 3-D Secure), a transfer, a withdrawal, a refund, balances, history, their wallet.transactions events, then bin/wallet check.")
final class DemoCommand implements Callable<Integer> {

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REVERSED");
    private static final String TX_FIELDS =
            "id walletId counterpartyWalletId amount currency transactionType status failureReason description createdAt";
    private static final String CREATE_WALLET =
            "mutation($in:CreateWalletInput!){createWallet(input:$in){id currency balance}}";
    private static final String DEPOSIT = "mutation($w:String!,$in:DepositInput!){deposit(walletId:$w,input:$in){id status}}";

    @ParentCommand
    private LauncherMain launcher;

    private final PrintStream out = System.out;
    private GraphQlClient gql;
    private URI emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings = launcher.settings();
        if (!new Health().up(Settings.GATEWAY_PORT)) {
            throw new LauncherException("the gateway is not up on port " + Settings.GATEWAY_PORT + ": run bin/wallet up first");
        }
        gql = new GraphQlClient(URI.create("http://127.0.0.1:" + Settings.GATEWAY_PORT + "/graphql"));
        emulator = URI.create("http://127.0.0.1:" + Settings.EMULATOR_PORT);
        String run = "demo-" + Instant.now().getEpochSecond() + "-" + ProcessHandle.current().pid();
        String secret = Secrets.ensure(settings, System.err).jwtSecret();
        String alice = Tokens.mint("alice", false, Duration.ofHours(1), secret, Instant.now());
        String bob = Tokens.mint("bob", false, Duration.ofHours(1), secret, Instant.now());
        say("1. Tokens for alice and bob (bin/wallet token USER)");

        say("2. Each creates a USD wallet");
        String aliceWallet = GraphQlClient.text(gql.query(alice, CREATE_WALLET,
                Map.of("in", Map.of("currency", "USD", "label", "alice main"))).path("createWallet"), "id");
        String bobWallet = GraphQlClient.text(gql.query(bob, CREATE_WALLET,
                Map.of("in", Map.of("currency", "USD", "label", "bob main", "stripeAccountId", "acct_1DemoBob",
                        "bankDetails", Map.of("bankName", "Demo Bank", "accountName", "Bob Example",
                                "accountNumber", "000123456789")))).path("createWallet"), "id");
        if (aliceWallet.isEmpty() || bobWallet.isEmpty()) {
            throw new LauncherException("createWallet returned no id");
        }
        say("    alice: " + aliceWallet);
        say("    bob:   " + bobWallet);

        say("3. alice deposits 100.00 USD by card (pm_card_visa)");
        String tx = accepted(gql.query(alice, DEPOSIT, Map.of("w", aliceWallet, "in", Map.of("amount", 10000,
                "paymentMethodId", "pm_card_visa", "description", "demo top-up", "idempotencyKey", run + "-deposit")))
                .path("deposit"));
        awaitFinal(alice, tx, "COMPLETED", "the deposit did not complete");

        say("4. alice transfers 25.00 USD to bob");
        tx = accepted(gql.query(alice, "mutation($w:String!,$in:TransferInput!){transfer(fromWalletId:$w,input:$in){id status}}",
                Map.of("w", aliceWallet, "in", Map.of("toWalletId", bobWallet, "amount", 2500,
                        "description", "demo transfer", "idempotencyKey", run + "-transfer"))).path("transfer"));
        awaitFinal(alice, tx, "COMPLETED", "the transfer did not complete");

        say("5. bob withdraws 10.00 USD");
        tx = accepted(gql.query(bob, "mutation($w:String!,$in:WithdrawInput!){withdraw(walletId:$w,input:$in){id status}}",
                Map.of("w", bobWallet, "in", Map.of("amount", 1000, "description", "demo payout",
                        "idempotencyKey", run + "-withdraw"))).path("withdraw"));
        awaitFinal(bob, tx, "COMPLETED", "the withdrawal did not complete");

        say("6. alice deposits 50.00 USD with a card that asks for 3-D Secure (pm_card_threeDSecure2Required)");
        String tdsTx = accepted(gql.query(alice, DEPOSIT, Map.of("w", aliceWallet, "in", Map.of("amount", 5000,
                "paymentMethodId", "pm_card_threeDSecure2Required", "description", "demo 3-D Secure top-up",
                "idempotencyKey", run + "-deposit-3ds"))).path("deposit"));
        awaitStatus(alice, tdsTx, "PROCESSING", "the 3-D Secure deposit did not wait for authentication");
        JsonNode pending = awaitPaymentIntent(alice, tdsTx);
        String pi = GraphQlClient.text(pending, "stripePaymentIntentId");
        say("    " + GraphQlClient.text(pending, "status") + ", metadata.nextAction = "
                + GraphQlClient.text(pending.path("metadata"), "nextAction") + ", PaymentIntent " + pi);
        if (pi.isEmpty()) {
            throw new LauncherException("the 3-D Secure deposit names no PaymentIntent");
        }
        say("    the card holder passes the challenge: POST /_emulator/payment_intents/" + pi + "/authenticate?success=true");
        emulatorPost("/_emulator/payment_intents/" + pi + "/authenticate?success=true", "{}");
        awaitFinal(alice, tdsTx, "COMPLETED", "the 3-D Secure deposit did not complete");

        say("7. The merchant refunds 20.00 USD of it in Stripe: POST /_emulator/payment_intents/" + pi + "/refund");
        emulatorPost("/_emulator/payment_intents/" + pi + "/refund", "{\"amount\":2000}");
        awaitBalance(alice, aliceWallet, 10500, "the refund did not debit alice's wallet");
        say("    charge.refunded webhook -> alice's wallet debited 20.00 (the deposit stays COMPLETED)");

        say("8. Balances");
        long balanceA = balance(alice, aliceWallet);
        long balanceB = balance(bob, bobWallet);
        say("    alice: " + cents(balanceA) + " USD   (expected 105.00 = 100.00 - 25.00 + 50.00 - 20.00)");
        say("    bob:   " + cents(balanceB) + " USD   (expected 15.00)");

        say("9. alice's history (newest first)");
        JsonNode history = gql.query(alice, "query($id:String!){getTransactionHistory(walletId:$id,limit:20){" + TX_FIELDS + "}}",
                Map.of("id", aliceWallet)).path("getTransactionHistory");
        historyLines(history).forEach(this::say);

        if (balanceA != 10500 || balanceB != 1500) {
            throw new LauncherException("unexpected balances (alice " + balanceA + ", bob " + balanceB + " cents)");
        }

        say("10. The scenario's events on wallet.transactions (keyed by source wallet; amounts and postings in cents)");
        // the outbox relay publishes shortly after each commit: wait for the refund's event, the last one
        Map<String, String> names = Map.of(aliceWallet, "alice", bobWallet, "bob");
        List<String> events = List.of();
        for (int i = 0; i < 10; i++) {
            events = TransactionEvents.lines(TransactionEvents.readAll("127.0.0.1:" + Settings.KAFKA_PORT, "wallet.transactions"), names);
            if (events.stream().anyMatch(l -> l.contains("alice -2000"))) {
                break;
            }
            Thread.sleep(1000);
        }
        events.forEach(this::say);
        if (events.stream().noneMatch(l -> l.contains("alice -2000"))) {
            throw new LauncherException("the refund's event is not on wallet.transactions");
        }
        say("11. The invariant checker (bin/wallet check)");
        if (Tools.standalone(launcher.settings()).check(List.of()) != 0) {
            throw new LauncherException("bin/wallet check found a violation");
        }
        say("");
        say("demo OK");
        return 0;
    }

    private void say(String line) {
        out.println(line);
    }

    private String accepted(JsonNode tx) {
        String id = GraphQlClient.text(tx, "id");
        say("    accepted: " + id + " (" + GraphQlClient.text(tx, "status") + ")");
        return id;
    }

    /** Polls getTransaction (60 s at most) until a final status; fails unless it is EXPECTED. */
    private void awaitFinal(String token, String id, String expected, String failure) throws InterruptedException {
        String status = "";
        String reason = "";
        for (int i = 0; i < 120; i++) {
            JsonNode tx = gql.query(token, "query($id:String!){getTransaction(id:$id){status failureReason}}", Map.of("id", id))
                    .path("getTransaction");
            status = GraphQlClient.text(tx, "status");
            reason = GraphQlClient.text(tx, "failureReason");
            if (FINAL.contains(status)) {
                break;
            }
            Thread.sleep(500);
        }
        if (!status.equals(expected)) {
            System.err.println("wallet: transaction " + id + " ended "
                    + (status.isEmpty() ? "without a final status within 60 s" : status)
                    + (reason.isEmpty() ? "" : " (" + reason + ")") + "; expected " + expected);
            throw new LauncherException(failure);
        }
        say("    transaction " + id + " -> " + status);
    }

    /** Polls getTransaction (30 s at most) until the status is EXPECTED (final or not). */
    private void awaitStatus(String token, String id, String expected, String failure) throws InterruptedException {
        String status = "";
        for (int i = 0; i < 60; i++) {
            status = GraphQlClient.text(gql.query(token, "query($id:String!){getTransaction(id:$id){status}}", Map.of("id", id))
                    .path("getTransaction"), "status");
            if (status.equals(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        System.err.println("wallet: transaction " + id + " is " + (status.isEmpty() ? "unknown" : status) + ", not " + expected + ", after 30 s");
        throw new LauncherException(failure);
    }

    /**
     * Polls getTransaction (30 s at most) until the deposit names its PaymentIntent: the processor commits
     * PROCESSING before it calls Stripe (StripeCalls) and records the PaymentIntent after the answer.
     */
    private JsonNode awaitPaymentIntent(String token, String id) throws InterruptedException {
        JsonNode tx = null;
        for (int i = 0; i < 60; i++) {
            tx = gql.query(token, "query($id:String!){getTransaction(id:$id){status metadata stripePaymentIntentId}}",
                    Map.of("id", id)).path("getTransaction");
            if (!GraphQlClient.text(tx, "stripePaymentIntentId").isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        return tx;
    }

    /** Polls getWallet (30 s at most) until the balance is EXPECTED cents. */
    private void awaitBalance(String token, String wallet, long expected, String failure) throws InterruptedException {
        long balance = Long.MIN_VALUE;
        for (int i = 0; i < 60; i++) {
            balance = balance(token, wallet);
            if (balance == expected) {
                return;
            }
            Thread.sleep(500);
        }
        System.err.println("wallet: wallet " + wallet + " holds " + balance + " cents, not " + expected + ", after 30 s");
        throw new LauncherException(failure);
    }

    private long balance(String token, String wallet) {
        return gql.query(token, "query($id:String!){getWallet(id:$id){balance currency}}", Map.of("id", wallet))
                .path("getWallet").path("balance").asLong();
    }

    /** One call to the Stripe emulator's control API (/_emulator, no auth). */
    private void emulatorPost(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(emulator.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new LauncherException("the Stripe emulator did not accept POST " + path + " (HTTP " + status + ")");
            }
        } catch (IOException e) {
            throw new LauncherException("the Stripe emulator did not accept POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
    }

    /** getTransactionHistory as readable lines: time, type, status, amount, currency, counterparty, description. */
    static List<String> historyLines(JsonNode history) {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode t : history) {
            String other = GraphQlClient.text(t, "counterpartyWalletId");
            lines.add(String.format("    %-27s %-10s %-9s %10s %-3s  %-36s %s", GraphQlClient.text(t, "createdAt"),
                    GraphQlClient.text(t, "transactionType"), GraphQlClient.text(t, "status"), cents(t.path("amount").asLong()),
                    GraphQlClient.text(t, "currency"), other.isEmpty() ? "-" : other, GraphQlClient.text(t, "description")));
        }
        return lines;
    }

    /** Minor units as units and cents: 10500 -> 105.00, -2000 -> -20.00. */
    static String cents(long minor) {
        return (minor < 0 ? "-" : "") + Math.abs(minor / 100) + "." + String.format("%02d", Math.abs(minor % 100));
    }
}
