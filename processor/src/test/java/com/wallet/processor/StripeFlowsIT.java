package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deposits, withdrawals and Stripe events against {@link StripeStub} (Stripe's test payment methods). */
class StripeFlowsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final StripeStub stripe = StripeStub.get();

    private void sendEvent(StripeEventMessage event) {
        sendStripeEvent(event);
    }

    private static StripeEventMessage event(String type, String objectId, String paymentIntentId, UUID wallet, UUID tx,
                                            long amount, String failureCode) {
        return new StripeEventMessage("evt_" + UUID.randomUUID(), type, objectId, paymentIntentId,
                wallet == null ? null : wallet.toString(), tx == null ? null : tx.toString(), amount, "usd",
                failureCode, System.currentTimeMillis() / 1000, null);
    }

    private String column(UUID tx, String name) {
        Object value = fixture().row(tx).get(name);
        return value == null ? null : value.toString();
    }

    @Test
    void declinedCardEndsTheDepositCardDeclined() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 2_500, "pm_card_chargeDeclined", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "failure_reason")).isEqualTo("CARD_DECLINED");
        assertThat(column(deposit.transactionId(), "stripe_payment_intent_id")).startsWith("pi_");
        assertThat(wallets.balance(wallet)).isZero();
        List<StripeStub.Request> calls = stripe.requestsFor(deposit.transactionId().toString());
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.path()).isEqualTo("/v1/payment_intents");
            assertThat(call.idempotencyKey()).isEqualTo("deposit-" + deposit.transactionId());
            assertThat(call.form()).containsEntry("amount", "2500").containsEntry("currency", "usd")
                    .containsEntry("payment_method", "pm_card_chargeDeclined").containsEntry("confirm", "true")
                    .containsEntry("metadata[wallet_id]", wallet.toString());
        });
        assertThat(wallets.outboxEvents(deposit.transactionId())).isEqualTo(2); // PROCESSING, FAILED
    }

    @Test
    void creditsADepositOnlyWhenPaymentIntentSucceededArrives() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 4_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();

        send(deposit);
        await().atMost(PATIENCE).until(() -> column(tx, "stripe_payment_intent_id") != null);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(wallets.balance(wallet)).isZero();

        String pi = column(tx, "stripe_payment_intent_id");
        StripeEventMessage succeeded = event("payment_intent.succeeded", pi, pi, wallet, tx, 4_000, null);
        sendEvent(succeeded);
        sendEvent(succeeded); // Stripe delivers at least once
        sendEvent(event("payment_intent.payment_failed", pi, pi, wallet, tx, 4_000, "card_declined")); // late, out of order

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        StripeEventMessage marker = event("payment_intent.processing", "pi_none", "pi_none", wallet, null, 1, null);
        sendEvent(marker);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                .param("id", marker.eventId()).query(Long.class).single() == 1);
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        assertThat(wallets.balance(wallet)).isEqualTo(4_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    @Test
    void settlesADepositWhoseSucceededEventArrivesBeforeTheCommand() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 700, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();

        sendEvent(event("payment_intent.succeeded", "pi_early_" + tx, "pi_early_" + tx, wallet, tx, 700, null));
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        send(deposit); // the command arrives afterwards: nothing more happens

        DepositFunds marker = wallets.pendingDeposit(wallet, 1, "pm_card_chargeDeclined", cipher);
        send(marker);
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(marker.transactionId())));
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
        assertThat(wallets.balance(wallet)).isEqualTo(700);
        assertThat(stripe.requestsFor(tx.toString())).isEmpty();
    }

    @Test
    void keepsADepositThatNeedsAuthenticationProcessingAndRetrievesItsPaymentIntentWhenRedelivered() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 900, "pm_card_threeDSecure2Required", cipher);
        UUID tx = deposit.transactionId();

        send(deposit);
        await().atMost(PATIENCE).until(() -> column(tx, "stripe_payment_intent_id") != null);
        String pi = column(tx, "stripe_payment_intent_id");
        send(deposit); // redelivery while PROCESSING with the PaymentIntent recorded: retrieved, not created again
        DepositFunds marker = wallets.pendingDeposit(wallet, 1, "pm_card_chargeDeclined", cipher);
        send(marker); // same wallet, same partition: handled after the redelivery

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(marker.transactionId())));
        assertThat(stripe.requestsTo("GET", "/v1/payment_intents/" + pi)).isNotEmpty();
        assertThat(stripe.requestsFor(tx.toString())).singleElement()
                .satisfies(call -> assertThat(call.idempotencyKey()).isEqualTo("deposit-" + tx));
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(column(tx, "stripe_payment_intent_id")).isEqualTo(pi);
        assertThat(wallets.outboxEvents(tx)).isEqualTo(1);
    }

    @Test
    void failsADepositToAWalletFrozenSinceItWasAcceptedWithoutChargingTheCard() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(0, false, null);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 500, "pm_card_visa", cipher);

        send(deposit);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(deposit.transactionId())));
        assertThat(column(deposit.transactionId(), "failure_reason")).isEqualTo("WALLET_INACTIVE");
        assertThat(stripe.requestsFor(deposit.transactionId().toString())).isEmpty();
    }

    @Test
    void paysOutAWithdrawalAndCreditsItBackWhenTheTransferIsReversed() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(5_000, true, "acct_123");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 1_500);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(column(tx, "stripe_transfer_id")).startsWith("tr_");
        assertThat(wallets.balance(wallet)).isEqualTo(3_500).isEqualTo(wallets.postingsOf(wallet));
        assertThat(stripe.requestsFor(tx.toString())).allSatisfy(call -> {
            assertThat(call.idempotencyKey()).isEqualTo("withdrawal-" + tx);
            assertThat(call.form()).containsEntry("destination", "acct_123").containsEntry("amount", "1500");
        });

        String transfer = column(tx, "stripe_transfer_id");
        sendEvent(event("transfer.reversed", transfer, null, wallet, tx, 1_500, null));

        await().atMost(PATIENCE).until(() -> "REVERSED".equals(wallets.status(tx)));
        assertThat(wallets.balance(wallet)).isEqualTo(5_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(3); // PROCESSING, COMPLETED, REVERSED
    }

    @Test
    void restoresTheFundsWhenStripeRefusesThePayout() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(2_000, true, StripeStub.REFUSED_DESTINATION);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 800);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(tx)));
        assertThat(column(tx, "failure_reason")).isEqualTo("PAYOUT_FAILED");
        assertThat(column(tx, "stripe_transfer_id")).isNull();
        assertThat(wallets.balance(wallet)).isEqualTo(2_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(4); // debit and its reversal
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, FAILED
    }

    @Test
    void keepsAnAmbiguouslyFailedPayoutProcessingUntilStripeSaysTheTransferExists() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(2_000, true, StripeStub.FAILING_DESTINATION);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 800);
        UUID tx = withdrawal.transactionId();

        send(withdrawal);

        // a 500 after retries: Stripe may have paid out, so the money is not given back; the
        // reconciler looks for the Transfer by transfer_group, then asks again with the same key
        await().atMost(PATIENCE).until(() -> stripe.requestsFor(tx.toString()).size() >= 3);
        assertThat(stripe.requestsTo("GET", "/v1/transfers"))
                .anySatisfy(call -> assertThat(call.form()).containsEntry("transfer_group", tx.toString()));
        assertThat(stripe.requestsFor(tx.toString())).allSatisfy(call -> {
            assertThat(call.idempotencyKey()).isEqualTo("withdrawal-" + tx);
            assertThat(call.form()).containsEntry("transfer_group", tx.toString());
        });
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(wallets.balance(wallet)).isEqualTo(1_200).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);

        // a transfer.created that disagrees with the withdrawal (another amount) completes nothing
        StripeEventMessage disagreeing = event("transfer.created", "tr_other_" + tx, null, wallet, tx, 799, null);
        sendEvent(disagreeing);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                .param("id", disagreeing.eventId()).query(Long.class).single() == 1);
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");

        // Stripe did pay out after all: transfer.created completes it, once
        StripeEventMessage created = event("transfer.created", "tr_late_" + tx, null, wallet, tx, 800, null);
        sendEvent(created);
        sendEvent(created);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(column(tx, "stripe_transfer_id")).isEqualTo("tr_late_" + tx);
        assertThat(wallets.balance(wallet)).isEqualTo(1_200).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(2); // PROCESSING, COMPLETED
    }

    @Test
    void creditsBackOnlyWhatWasReversedAndReversesOnceAllOfItIs() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWallet(5_000, true, "acct_partial");
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 1_500);
        UUID tx = withdrawal.transactionId();
        send(withdrawal);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        String transfer = column(tx, "stripe_transfer_id");

        // transfer.reversed carries the Transfer's cumulative amount_reversed
        StripeEventMessage partial = event("transfer.reversed", transfer, null, wallet, tx, 500, null);
        sendEvent(partial);
        sendEvent(partial);
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 4_000);
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");

        sendEvent(event("transfer.reversed", transfer, null, wallet, tx, 1_500, null));
        await().atMost(PATIENCE).until(() -> "REVERSED".equals(wallets.status(tx)));
        StripeEventMessage stale = event("transfer.reversed", transfer, null, wallet, tx, 500, null);
        sendEvent(stale); // an older cumulative amount arriving late credits nothing
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                .param("id", stale.eventId()).query(Long.class).single() == 1);

        assertThat(wallets.balance(wallet)).isEqualTo(5_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(6); // debit, partial credit, the rest
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.outboxEvents(tx)).isEqualTo(4); // PROCESSING, COMPLETED, the partial movement, REVERSED
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventsOf(java.util.Set.of(tx)))
                .extracting(r -> r.value().postings().stream().mapToLong(p -> p.amount()).sum())
                .containsExactly(-1_500L, 0L, 500L, 1_000L));
    }

    @Test
    void failsAWithdrawalAboveTheBalanceWithoutCallingStripe() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(100);
        WithdrawFunds withdrawal = wallets.pendingWithdrawal(wallet, 101);

        send(withdrawal);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(withdrawal.transactionId())));
        assertThat(column(withdrawal.transactionId(), "failure_reason")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(stripe.requestsFor(withdrawal.transactionId().toString())).isEmpty();
        assertThat(wallets.balance(wallet)).isEqualTo(100);
    }

    @Test
    void deadLettersAnEventThatNeverMatchesATransaction() {
        UUID wallet = fixture().aWalletWith(0);
        StripeEventMessage orphan = event("charge.dispute.created", "dp_" + UUID.randomUUID(), "pi_unknown_" + wallet,
                wallet, null, 100, null);

        sendEvent(orphan);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(KafkaConfiguration.STRIPE_EVENTS_DLQ))
                .anySatisfy(r -> assertThat(r.value()).contains(orphan.eventId())));
    }

    @Test
    void takesARefundBackWithoutOverdrawingAndRecordsTheShortfall() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID other = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 1_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        String pi = "pi_refund_" + tx;
        sendEvent(event("payment_intent.succeeded", pi, pi, wallet, tx, 1_000, null));
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        // the user spends 600 of it
        var spend = wallets.pendingTransfer(wallet, other, 600);
        send(spend);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(spend.transactionId())));

        // charge.refunded carries the cumulative amount_refunded; no metadata: found through the PaymentIntent
        StripeEventMessage partial = event("charge.refunded", "ch_" + tx, pi, null, null, 300, null);
        sendEvent(partial);
        await().atMost(PATIENCE).until(() -> wallets.balance(wallet) == 100);
        StripeEventMessage full = event("charge.refunded", "ch_" + tx, pi, null, null, 1_000, null);
        sendEvent(full);
        sendEvent(full);
        StripeEventMessage stale = event("charge.refunded", "ch_" + tx, pi, null, null, 300, null);
        sendEvent(stale); // an older cumulative amount arriving late takes nothing

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id")
                .param("id", stale.eventId()).query(Long.class).single() == 1);
        assertThat(wallets.balance(wallet)).isZero();
        long shortfall = jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM shortfalls WHERE transaction_id = :tx")
                .param("tx", tx).query(Long.class).single();
        assertThat(shortfall).isEqualTo(600);
        assertThat(wallets.postingsOf(wallet)).isZero();
        assertThat(wallets.unbalancedTransactions(List.of(tx))).isZero();
        assertThat(wallets.status(tx)).isEqualTo("COMPLETED");
    }
}
