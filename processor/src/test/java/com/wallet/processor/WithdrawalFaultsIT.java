package com.wallet.processor;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.withdrawal.WithdrawFundsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.withdrawal.WithdrawFundsService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Withdrawals through the real stripe-java client and the Stripe emulator's faults on
 * /v1/transfers, with one processor (contract 6.7: each Transfer matches exactly one debit, and a
 * withdrawal is never given back while a Transfer for it may exist). The webhooks of the faulted
 * withdrawals are lost, so what ends them is the processor asking Stripe (reconciler, redelivery).
 * Skipped when the emulator jar has not been built.
 */
@EnabledIf("emulatorBuilt")
class WithdrawalFaultsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static StripeEmulator emulator;
    private final StripeStub stripe = StripeStub.get();

    @Autowired
    WithdrawFundsService withdrawals;

    static boolean emulatorBuilt() {
        return StripeEmulator.built();
    }

    @BeforeAll
    static void useTheEmulator() {
        emulator = StripeEmulator.get();
        StripeStub.get().forwardTo(emulator.url());
    }

    @AfterAll
    static void stopForwarding() {
        StripeStub.get().forwardTo(null);
    }

    @BeforeEach
    @AfterEach
    void clearFaults() throws Exception {
        emulator.clearFaults();
    }

    private void fault(String kind, int count, long delayMs) throws Exception {
        assertThat(emulator.post("/_emulator/faults", """
                {"kind":"%s","count":%d,"method":"POST","path":"/v1/transfers","delayMs":%d}"""
                .formatted(kind, count, delayMs))).isLessThan(300);
    }

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    private long creates(UUID tx) {
        return stripe.requestsFor(tx.toString()).stream().filter(r -> r.path().equals("/v1/transfers")).count();
    }

    /** COMPLETED with the one Transfer the emulator holds for it, debited once, never FAILED on the way. */
    private void assertPaidOutOnce(WalletFixture wallets, UUID wallet, UUID tx, long balance) throws Exception {
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        List<JsonNode> transfers = emulator.transfersOf(tx);
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).path("transfer_group").asString()).isEqualTo(tx.toString());
        assertThat(column(tx, "stripe_transfer_id")).isEqualTo(transfers.get(0).path("id").asString());
        assertThat(wallets.balance(wallet)).isEqualTo(balance).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    @Test
    void findsTheTransferCreatedBehindA500AndCompletesTheWithdrawalOnce() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_after");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 400);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        // the Transfer is created, then 500; the retry's replay is a 500 too: ambiguous after retries
        fault("error_after", 2, 0);

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> creates(tx) >= 2);
        assertThat(emulator.transfersOf(tx)).hasSize(1);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertPaidOutOnce(wallets, wallet, tx, 600);
        assertThat(stripe.requestsTo("GET", "/v1/transfers"))
                .anySatisfy(r -> assertThat(r.form()).containsEntry("transfer_group", tx.toString()));
        assertThat(creates(tx)).isEqualTo(2); // found by transfer_group: never created again
        assertThat(emulator.lostWebhooksOf(tx)).extracting(e -> e.type()).contains("transfer.created");
    }

    @Test
    void findsTheTransferWhoseAnswerWasDroppedAndCompletesTheWithdrawalOnce() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_drop");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 250);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        // the work commits, the connection closes before any answer, for every attempt of the command
        fault("drop", 4, 0);

        send(withdrawal);
        send(withdrawal); // and a redelivery: it looks for the Transfer before creating anything

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertPaidOutOnce(wallets, wallet, tx, 750);
    }

    @Test
    void aRedeliveryWhileTheFirstCreateStallsStaysProcessingAndOneTransferIsMade() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_stall");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 300);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        // the first create holds its idempotency key for 4 s before doing the work
        fault("stall", 1, 4_000);

        send(withdrawal);
        await().atMost(PATIENCE).until(() -> "PROCESSING".equals(wallets.status(tx)) && creates(tx) >= 1);
        // a second owner of the partition handles the same command meanwhile: 409 key in use = ambiguous
        Outcome redelivered = withdrawals.withdraw(withdrawal);

        assertThat(redelivered).isEqualTo(Outcome.PROCESSING);
        assertThat(wallets.balance(wallet)).isEqualTo(700); // not given back on a 409
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertPaidOutOnce(wallets, wallet, tx, 700);
    }

    @Test
    void restoresTheFundsWhenStripeRefusesTheDestination() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "not_an_account");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 500);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(column(tx, "failure_reason")).isEqualTo("PAYOUT_FAILED");
        assertThat(emulator.transfersOf(tx)).isEmpty();
        assertThat(wallets.balance(wallet)).isEqualTo(1_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(4); // debit and its reversal
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, FAILED
    }

    @Test
    void aRedeliveredCommandWithARecordedTransferRetrievesItAndCreatesNothing() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_recorded");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 100);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        fault("error_after", 2, 0);
        assertThat(withdrawals.withdraw(withdrawal)).isEqualTo(Outcome.PROCESSING); // ambiguous: a Transfer exists
        // a processor recorded the Transfer id and died before completing (stripe_transfer_id set, still PROCESSING)
        String transfer = emulator.transfersOf(tx).get(0).path("id").asString();
        assertThat(jdbc.sql("""
                UPDATE transactions SET stripe_transfer_id = :tr, updated_at = now()
                WHERE id = :id AND status = 'PROCESSING'""").param("tr", transfer).param("id", tx).update()).isEqualTo(1);
        long createsBefore = creates(tx);

        send(withdrawal); // redelivered from Kafka

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertPaidOutOnce(wallets, wallet, tx, 900);
        assertThat(stripe.requestsTo("GET", "/v1/transfers/" + transfer)).isNotEmpty();
        assertThat(creates(tx)).isEqualTo(createsBefore);
    }

    @Test
    void givesBackAWithdrawalWhoseRecordedTransferStripeForgotOnlyAfterTheTimeoutWithAnOperatorRecord() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_forgotten");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 300);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        fault("error_after", 2, 0);
        assertThat(withdrawals.withdraw(withdrawal)).isEqualTo(Outcome.PROCESSING); // ambiguous: a Transfer exists
        String transfer = emulator.transfersOf(tx).get(0).path("id").asString();
        // a processor recorded the Transfer id and died before completing; then Stripe forgot both the
        // Transfer and the key (the emulator reset): neither the id nor the transfer_group is known
        assertThat(jdbc.sql("""
                UPDATE transactions SET stripe_transfer_id = :tr, updated_at = now()
                WHERE id = :id AND status = 'PROCESSING'""").param("tr", transfer).param("id", tx).update()).isEqualTo(1);
        assertThat(emulator.post("/_emulator/reset", "")).isEqualTo(204);
        long createsBefore = creates(tx);
        int retrieved = stripe.requestsTo("GET", "/v1/transfers/" + transfer).size();

        await().atMost(PATIENCE).until(() -> stripe.requestsTo("GET", "/v1/transfers/" + transfer).size() >= retrieved + 2);
        assertThat(stripe.requestsTo("GET", "/v1/transfers")) // asked by transfer_group too
                .anySatisfy(r -> assertThat(r.form()).containsEntry("transfer_group", tx.toString()));
        assertThat(ageOf(tx)).isLessThan(MISSING_OBJECT_TIMEOUT);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(wallets.balance(wallet)).isEqualTo(700);
        assertThat(existenceRecords(tx)).isEmpty();

        await().atMost(PATIENCE.plus(MISSING_OBJECT_TIMEOUT)).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(column(tx, "failure_reason")).isEqualTo("PAYOUT_FAILED");
        assertThat(existenceRecords(tx)).containsExactly(transfer + " existence " + transfer + " missing");
        assertThat(wallets.balance(wallet)).isEqualTo(1_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(4); // debit and its reversal
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, FAILED
        assertThat(creates(tx)).isEqualTo(createsBefore); // never paid out again
        assertThat(emulator.transfersOf(tx)).isEmpty();
    }

    private Duration ageOf(UUID tx) {
        return Duration.ofMillis(jdbc.sql("SELECT floor(EXTRACT(EPOCH FROM (now() - created_at)) * 1000)::bigint "
                + "FROM transactions WHERE id = :id").param("id", tx).query(Long.class).single());
    }

    private List<String> existenceRecords(UUID tx) {
        return jdbc.sql("""
                SELECT stripe_object_id || ' ' || field || ' ' || recorded || ' ' || reported FROM stripe_disagreements
                WHERE transaction_id = :tx AND field = 'existence' AND resolved_at IS NULL""")
                .param("tx", tx).query(String.class).list();
    }
}
