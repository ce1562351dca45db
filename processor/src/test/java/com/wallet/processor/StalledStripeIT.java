package com.wallet.processor;

import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.deposit.DepositFundsService;
import com.wallet.processor.wallet.application.withdrawal.WithdrawFundsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.Topics;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.application.deposit.DepositFundsService;
import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.withdrawal.WithdrawFundsService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: a slow Stripe never stalls a partition's transfers. The emulator holds a deposit's or a
 * withdrawal's Stripe call ({@code stall}: the work starts only after the delay, its idempotency
 * key in flight meanwhile); a transfer from another wallet whose records land on the same
 * wallet.commands partition, sent after it, completes while that call is still held. Then the
 * held call finishes and is recorded: exactly one Stripe object, balances that match the postings.
 * And a call handed off but never made (the processor acknowledged the record and died) is made
 * once, by the reconciler, from the PROCESSING row alone. Skipped when the emulator jar has not been built.
 */
@EnabledIf("emulatorBuilt")
class StalledStripeIT extends EmulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Well under the client's 20 s read timeout: the held call ends with Stripe's real answer, not a timeout. */
    private static final long STALL_MS = 12_000;
    /** A transfer applies in well under a second; the held call is at Stripe for STALL_MS. */
    private static final Duration TRANSFER_WHILE_STALLED = Duration.ofSeconds(8);

    private final StripeStub stripe = StripeStub.get();

    @Autowired
    DepositFundsService deposits;
    @Autowired
    WithdrawFundsService withdrawals;

    @BeforeEach
    @AfterEach
    void clearFaults() throws Exception {
        emulator.clearFaults();
    }

    @Test
    void aTransferOnTheSamePartitionCompletesWhileAWithdrawalsTransferCreateIsStalled() throws Exception {
        WalletFixture wallets = fixture();
        UUID withdrawing = wallets.aWallet(1_000, true, "acct_stalled_partition");
        UUID payer = wallets.aWalletWithId(onThePartitionOf(withdrawing), 1_000);
        UUID payee = wallets.aWalletWith(0);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(withdrawing, 300);
        TransferFunds transfer = wallets.pendingTransfer(payer, payee, 100);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx); // what ends it is the held call's own answer (or the reconciler asking)
        stall("/v1/transfers");

        send(withdrawal);
        await().atMost(PATIENCE).until(() -> stripeCalls(tx, "/v1/transfers") >= 1);
        send(transfer);

        await().atMost(TRANSFER_WHILE_STALLED)
                .until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));
        assertThat(emulator.transfersOf(tx)).as("the withdrawal's Transfer create is still held").isEmpty();
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(column(tx, "stripe_transfer_id")).isNull();
        assertThat(wallets.balance(withdrawing)).isEqualTo(700); // debited before Stripe was called

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        List<JsonNode> transfers = emulator.transfersOf(tx);
        assertThat(transfers).hasSize(1);
        assertThat(column(tx, "stripe_transfer_id")).isEqualTo(transfers.get(0).path("id").asString());
        assertThat(wallets.balance(withdrawing)).isEqualTo(700).isEqualTo(wallets.postingsOf(withdrawing));
        assertThat(wallets.balance(payer)).isEqualTo(900).isEqualTo(wallets.postingsOf(payer));
        assertThat(wallets.balance(payee)).isEqualTo(100).isEqualTo(wallets.postingsOf(payee));
        assertThat(wallets.unbalancedTransactions(List.of(tx, transfer.transactionId()))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    @Test
    void aTransferOnTheSamePartitionCompletesWhileADepositsPaymentIntentCreateIsStalled() throws Exception {
        WalletFixture wallets = fixture();
        UUID depositing = wallets.aWalletWith(0);
        UUID payer = wallets.aWalletWithId(onThePartitionOf(depositing), 1_000);
        UUID payee = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(depositing, 2_000, "pm_card_visa", cipher);
        TransferFunds transfer = wallets.pendingTransfer(payer, payee, 250);
        UUID tx = deposit.transactionId();
        stall("/v1/payment_intents");

        send(deposit);
        await().atMost(PATIENCE).until(() -> stripeCalls(tx, "/v1/payment_intents") >= 1);
        send(transfer);

        await().atMost(TRANSFER_WHILE_STALLED)
                .until(() -> "COMPLETED".equals(wallets.status(transfer.transactionId())));
        assertThat(emulator.paymentIntentsOf(tx)).as("the deposit's PaymentIntent create is still held").isEmpty();
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(column(tx, "stripe_payment_intent_id")).isNull();

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx))); // payment_intent.succeeded
        List<JsonNode> intents = emulator.paymentIntentsOf(tx);
        assertThat(intents).hasSize(1);
        assertThat(column(tx, "stripe_payment_intent_id")).isEqualTo(intents.get(0).path("id").asString());
        assertThat(wallets.balance(depositing)).isEqualTo(2_000).isEqualTo(wallets.postingsOf(depositing));
        assertThat(wallets.balance(payer)).isEqualTo(750).isEqualTo(wallets.postingsOf(payer));
        assertThat(wallets.balance(payee)).isEqualTo(250).isEqualTo(wallets.postingsOf(payee));
        assertThat(wallets.unbalancedTransactions(List.of(tx, transfer.transactionId()))).isZero();
    }

    @Test
    void aWithdrawalWhoseHandedOffTransferCreateWasNeverMadeIsPaidOutOnceByTheReconciler() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(1_000, true, "acct_never_called");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 400);
        UUID tx = withdrawal.transactionId();
        emulator.loseWebhooksOf(tx); // transfer.created would end it too: only the reconciler may here

        StripeCall lost = withdrawals.start(withdrawal); // debited and PROCESSING, then the process "dies"

        assertThat(lost.pending()).isTrue();
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(stripeCalls(tx, "/v1/transfers")).isZero();
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        List<JsonNode> transfers = emulator.transfersOf(tx);
        assertThat(transfers).hasSize(1);
        assertThat(column(tx, "stripe_transfer_id")).isEqualTo(transfers.get(0).path("id").asString());
        assertThat(stripe.requestsFor(tx.toString())).filteredOn(r -> r.path().equals("/v1/transfers"))
                .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo("withdrawal-" + tx));
        assertThat(wallets.balance(wallet)).isEqualTo(600).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    @Test
    void aDepositWhoseHandedOffPaymentIntentCreateWasNeverMadeIsChargedOnceByTheReconciler() throws Exception {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_500, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();

        StripeCall lost = deposits.start(deposit); // PROCESSING, then the process "dies" before the call

        assertThat(lost.pending()).isTrue();
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(stripeCalls(tx, "/v1/payment_intents")).isZero();
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx))); // created, then succeeded
        List<JsonNode> intents = emulator.paymentIntentsOf(tx);
        assertThat(intents).hasSize(1);
        assertThat(column(tx, "stripe_payment_intent_id")).isEqualTo(intents.get(0).path("id").asString());
        assertThat(stripe.requestsFor(tx.toString())).filteredOn(r -> r.path().equals("/v1/payment_intents"))
                .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo("deposit-" + tx));
        assertThat(wallets.balance(wallet)).isEqualTo(1_500).isEqualTo(wallets.postingsOf(wallet));
    }

    /** The next POST to this path is held for STALL_MS before Stripe does the work. */
    private void stall(String path) throws Exception {
        assertThat(emulator.post("/_emulator/faults", """
                {"kind":"stall","count":1,"method":"POST","path":"%s","delayMs":%d}""".formatted(path, STALL_MS)))
                .isLessThan(300);
    }

    /** Creates sent for this transaction so far (the held one counts as soon as it reached Stripe). */
    private long stripeCalls(UUID tx, String path) {
        return stripe.requestsFor(tx.toString()).stream().filter(r -> r.path().equals(path)).count();
    }

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    /** A new wallet id whose records land on the same wallet.commands partition as {@code wallet}'s. */
    private static UUID onThePartitionOf(UUID wallet) {
        int partition = partitionOf(wallet);
        UUID candidate = UUID.randomUUID();
        while (partitionOf(candidate) != partition) {
            candidate = UUID.randomUUID();
        }
        return candidate;
    }

    /** The partition Kafka's default partitioner picks for a record keyed by this wallet. */
    private static int partitionOf(UUID wallet) {
        byte[] key = wallet.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % Topics.COMMAND_PARTITIONS;
    }
}
