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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Withdrawals under the emulator's faults on /v1/transfers with a second processor in the
 * consumer group (both reconcile, one at a time; both may handle the same command while a
 * partition moves): still exactly one Transfer and one debit per withdrawal. Webhooks of these
 * withdrawals are lost, so Stripe's answer comes from the processors asking. Skipped when the
 * emulator jar has not been built.
 */
@EnabledIf("emulatorBuilt")
class WithdrawalFaultsTwoProcessorsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static StripeEmulator emulator;
    private static ConfigurableApplicationContext second;

    @Autowired
    WithdrawFundsService firstProcessor;

    static boolean emulatorBuilt() {
        return StripeEmulator.built();
    }

    @BeforeAll
    static void startTheEmulatorAndASecondProcessor() {
        emulator = StripeEmulator.get();
        StripeStub.get().forwardTo(emulator.url());
        // command-line arguments outrank application.yml, as the first context's test properties do
        String[] args = allProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        second = new SpringApplicationBuilder(ProcessorApplication.class).run(args);
    }

    @AfterAll
    static void stopTheSecondProcessor() {
        if (second != null) {
            second.close();
        }
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

    private void assertPaidOutOnce(WalletFixture wallets, UUID wallet, UUID tx, long balance) throws Exception {
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        List<JsonNode> transfers = emulator.transfersOf(tx);
        assertThat(transfers).hasSize(1);
        assertThat(column(tx, "stripe_transfer_id")).isEqualTo(transfers.get(0).path("id").asString());
        assertThat(wallets.balance(wallet)).isEqualTo(balance).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    /** Withdrawals of 100 from wallets holding 1000, each command sent twice, under {@code kind} faults. */
    private void paysEachOutOnceUnder(String kind) throws Exception {
        WalletFixture wallets = fixture();
        List<UUID> owners = IntStream.range(0, 4).mapToObj(i -> wallets.aWallet(1_000, true, "acct_two_" + i)).toList();
        List<WithdrawFunds> withdrawals = owners.stream().map(w -> wallets.pendingWithdrawal(w, 100)).toList();
        withdrawals.forEach(w -> emulator.loseWebhooksOf(w.transactionId()));
        fault(kind, 2 * withdrawals.size(), 0);

        for (WithdrawFunds w : withdrawals) {
            send(w);
            send(w); // redelivered: found or retrieved, never paid twice
        }

        List<UUID> ids = withdrawals.stream().map(WithdrawFunds::transactionId).toList();
        await().atMost(PATIENCE).until(() -> wallets.countByStatus(ids, "COMPLETED") == ids.size());
        for (int i = 0; i < owners.size(); i++) {
            assertPaidOutOnce(wallets, owners.get(i), ids.get(i), 900);
        }
    }

    @Test
    void paysEachWithdrawalOutOnceWhenTransfersAnswer500AfterTheWork() throws Exception {
        paysEachOutOnceUnder("error_after");
    }

    @Test
    void paysEachWithdrawalOutOnceWhenAnswersAreDropped() throws Exception {
        paysEachOutOnceUnder("drop");
    }

    @Test
    void bothProcessorsHandlingTheSameCommandDuringAStallMakeOneTransfer() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_two_stall");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 300);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx);
        fault("stall", 1, 4_000);
        WithdrawFundsService secondProcessor = second.getBean(WithdrawFundsService.class);

        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> firstProcessor.withdraw(withdrawal));
        CompletableFuture<Outcome> other = CompletableFuture.supplyAsync(() -> secondProcessor.withdraw(withdrawal));

        // one creates (held 4 s), the other gets 409 key in use: ambiguous, so it gives nothing back
        assertThat(List.of(first.get(), other.get())).containsExactlyInAnyOrder(Outcome.COMPLETED, Outcome.PROCESSING);
        assertPaidOutOnce(wallets, wallet, tx, 700);
    }
}
