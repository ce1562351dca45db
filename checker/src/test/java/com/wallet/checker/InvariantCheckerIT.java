package com.wallet.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.messaging.WalletPosting;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checker against real PostgreSQL and Kafka: a consistent world passes; each test damages one
 * thing behind the product's back and the check must name it. A checker that cannot fail proves nothing.
 */
class InvariantCheckerIT {

    private CheckerWorld world;

    @BeforeEach
    void buildWorld() throws Exception {
        world = new CheckerWorld().standardScenario();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void passesOnAConsistentLedgerTopicAndStripeSide() throws Exception {
        world.relay();

        Report report = world.check();

        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.result("topic-complete-and-ordered").examined()).contains("12 distinct events");
    }

    @Test
    void namesABalanceChangedBySqlBehindTheProductsBack() throws Exception {
        world.relay();
        world.tamper("UPDATE wallets SET balance = balance + 100 WHERE id = '" + world.bob + "'");

        Report report = world.check();

        assertThat(report.passed()).isFalse();
        assertThat(report.result("balance-equals-postings").violations())
                .containsExactly("wallet " + world.bob + " balance 1600 but its postings sum to 1500");
        assertThat(report.result("topic-fold-equals-balances").violations())
                .containsExactly("wallet " + world.bob + " balance 1600 but its events fold to 1500");
        assertThat(report.result("postings-sum-to-zero").holds()).isTrue();
    }

    /** Everything relayed 8 days ago (rows, and the transactions their PENDING events were written with). */
    private void ageEverything() throws Exception {
        world.tamper("UPDATE transactions SET created_at = now() - interval '9 days'",
                "UPDATE outbox_events SET created_at = now() - interval '9 days', published_at = now() - interval '8 days'");
    }

    /** The processor's retention statement, with the horizon at 7 days. */
    private void purgeOutbox(int limit) throws Exception {
        world.tamper(com.wallet.common.outbox.RetentionStatements.PURGE_OUTBOX_EVENTS
                .replace(":before", "(now() - interval '7 days')").replace(":limit", Integer.toString(limit)));
    }

    @Test
    void passesAfterTheRetentionPurgeRemovedPublishedOutboxEvents() throws Exception {
        world.relay();
        ageEverything();

        purgeOutbox(5); // part of the outbox: some wallets' prefixes, some transactions half purged
        Report partly = world.check();
        purgeOutbox(100_000);
        Report all = world.check();

        assertThat(partly.violations()).isEmpty();
        assertThat(all.violations()).isEmpty();
        assertThat(all.result("topic-complete-and-ordered").examined()).contains("0 outbox events");
        assertThat(all.result("topic-complete-and-ordered").notes())
                .anySatisfy(n -> assertThat(n).contains("retention purge"));
    }

    @Test
    void stillNamesABalanceChangedBehindTheProductsBackAfterThePurge() throws Exception {
        world.relay();
        ageEverything();
        purgeOutbox(100_000);
        world.tamper("UPDATE wallets SET balance = balance + 100 WHERE id = '" + world.bob + "'");

        Report report = world.check();

        assertThat(report.result("topic-fold-equals-balances").violations())
                .containsExactly("wallet " + world.bob + " balance 1600 but its events fold to 1500");
    }

    @Test
    void namesADeletedPosting() throws Exception {
        world.relay();
        world.tamper("DELETE FROM ledger_entries WHERE transaction_id = '" + world.transfer + "' AND wallet_id = '" + world.bob + "'");

        Report report = world.check();

        assertThat(report.result("postings-sum-to-zero").violations())
                .containsExactly("transaction " + world.transfer + " postings sum to -2500");
        assertThat(report.result("balance-equals-postings").violations())
                .containsExactly("wallet " + world.bob + " balance 1500 but its postings sum to -1000");
        assertThat(report.result("double-entry-per-status").violations())
                .anySatisfy(v -> assertThat(v).contains("transfer " + world.transfer).contains("no TRANSFER posting of 2500"));
    }

    @Test
    void namesAnOutboxEventRemovedBeforeItWasRelayed() throws Exception {
        world.tamper("DELETE FROM outbox_events WHERE transaction_id = '" + world.transfer + "' AND payload->>'status' = 'COMPLETED'",
                "DELETE FROM outbox_events WHERE transaction_id = '" + world.deposit + "' AND payload->>'status' = 'PROCESSING'");
        world.relay();

        Report report = world.check();

        assertThat(report.result("topic-complete-and-ordered").violations()).contains(
                "transfer " + world.transfer + " is COMPLETED but its last event says PENDING (a state change was not published)",
                "wallet " + world.alice + ": outbox walletSequence 2 is missing");
        assertThat(report.result("topic-fold-equals-balances").violations()).contains(
                "wallet " + world.alice + " balance 7500 but its events fold to 10000",
                "wallet " + world.bob + " balance 1500 but its events fold to -1000");
    }

    @Test
    void namesAnEventThatWasPublishedButIsMissingFromTheTopic() throws Exception {
        world.tamper("UPDATE outbox_events SET published_at = now() - interval '1 minute' WHERE transaction_id = '"
                + world.withdrawal + "' AND payload->>'status' = 'COMPLETED'");
        world.relay(); // sends only what is unpublished: the COMPLETED of the withdrawal never reaches the topic

        Report report = world.check();

        assertThat(report.result("topic-complete-and-ordered").violations())
                .anySatisfy(v -> assertThat(v).contains("transaction " + world.withdrawal + ", COMPLETED)")
                        .endsWith("was published but is missing from the topic"));
    }

    @Test
    void toleratesRedeliveryButNamesADuplicatedStateChange() throws Exception {
        world.relay();
        world.write(c -> {
            // A second, distinct COMPLETED event for the transfer: a state change published twice.
            world.event(c, world.transfer, world.alice, world.bob, TransactionType.TRANSFER, TransactionStatus.COMPLETED,
                    2_500, null, List.of());
        });
        world.relay();
        String redelivered;
        try (Connection c = world.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT payload::text FROM outbox_events ORDER BY sequence LIMIT 1")) {
            rs.next();
            redelivered = rs.getString(1);
        }
        world.sendRaw(world.alice.toString(), redelivered); // at-least-once: the same eventId again

        Report report = world.check();

        assertThat(report.result("topic-complete-and-ordered").violations())
                .containsExactly("transfer " + world.transfer + ": state change to COMPLETED published twice");
        assertThat(report.result("topic-complete-and-ordered").notes()).anySatisfy(n -> assertThat(n).startsWith("1 redelivered"));
    }

    @Test
    void namesAWalletSequenceOutOfOrderOnTheTopic() throws Exception {
        world.relay();
        String first;
        try (Connection c = world.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT jsonb_set(jsonb_set(payload, '{eventId}', to_jsonb(gen_random_uuid()::text)), "
                     + "'{walletSequence}', to_jsonb(2))::text FROM outbox_events WHERE wallet_id = '" + world.bob + "' LIMIT 1")) {
            rs.next();
            first = rs.getString(1);
        }
        world.sendRaw(world.bob.toString(), first); // an event numbered 2 after bob's last one

        Report report = world.check();

        assertThat(report.result("topic-complete-and-ordered").violations()).anySatisfy(v ->
                assertThat(v).startsWith("wallet " + world.bob + ": walletSequence 2 carried by two events"));
        assertThat(report.result("topic-complete-and-ordered").violations()).anySatisfy(v ->
                assertThat(v).endsWith("is on the topic but not in the outbox"));
    }

    @Test
    void namesAPaymentIntentThatSucceededWithNoCredit() throws Exception {
        world.relay();
        world.paymentIntents.removeIf(pi -> pi.get("id").equals("pi_declined"));
        world.paymentIntents.add(CheckerWorld.paymentIntent("pi_declined", "succeeded", 5_000, world.declinedDeposit));

        Report report = world.check();

        assertThat(report.result("stripe-payment-intents-credited-once").violations()).containsExactly(
                "PaymentIntent pi_declined succeeded but deposit " + world.declinedDeposit
                        + " is FAILED CARD_DECLINED: charged, not credited");
    }

    @Test
    void namesADepositChargedTwiceAndACreditWithoutACharge() throws Exception {
        world.relay();
        world.paymentIntents.add(CheckerWorld.paymentIntent("pi_again", "succeeded", 10_000, world.deposit));
        world.paymentIntents.removeIf(pi -> pi.get("id").equals("pi_ok"));

        Report report = world.check();

        assertThat(report.result("stripe-payment-intents-credited-once").violations()).contains(
                "deposit " + world.deposit + " credited against pi_ok, Stripe charged pi_again",
                "deposit " + world.deposit + " credited 10000 without a succeeded PaymentIntent (Stripe has no pi_ok)");
    }

    @Test
    void namesATransferWithNoDebit() throws Exception {
        world.relay();
        world.transfers.add(CheckerWorld.transfer("tr_stray", 9_900, world.refusedWithdrawal));

        Report report = world.check();

        assertThat(report.result("stripe-transfers-match-debits").violations()).containsExactly(
                "Transfer tr_stray of 9900 but withdrawal " + world.refusedWithdrawal + " (FAILED) debited nothing");
    }

    @Test
    void namesAWithdrawalGivenBackWhileItsTransferStands() throws Exception {
        world.write(c -> {
            CheckerWorld.post(c, world.withdrawal, "WALLET", world.bob, 1_000, "WITHDRAWAL_REVERSAL");
            CheckerWorld.post(c, world.withdrawal, "STRIPE_CLEARING", null, -1_000, "WITHDRAWAL_REVERSAL");
            CheckerWorld.sql(c, "UPDATE transactions SET status = 'FAILED', failure_reason = 'PAYOUT_FAILED' WHERE id = '" + world.withdrawal + "'");
            CheckerWorld.sql(c, "UPDATE wallets SET balance = 2500 WHERE id = '" + world.bob + "'");
            world.event(c, world.withdrawal, world.bob, null, TransactionType.WITHDRAWAL, TransactionStatus.FAILED, 1_000,
                    FailureReason.PAYOUT_FAILED, List.of(new WalletPosting(world.bob, 1_000)));
        });
        world.relay();

        Report report = world.check();

        assertThat(report.result("stripe-transfers-match-debits").violations()).containsExactly(
                "withdrawal " + world.withdrawal + " given back (FAILED PAYOUT_FAILED) while Transfer tr_ok stands (1000 paid out)");
        assertThat(report.result("balance-equals-postings").holds()).isTrue();
    }

    @Test
    void namesADepositCreditedTwice() throws Exception {
        world.relay();
        world.tamper("INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind) VALUES ('"
                        + world.deposit + "', 'WALLET', '" + world.alice + "', 10000, 'USD', 'DEPOSIT'), ('"
                        + world.deposit + "', 'STRIPE_CLEARING', NULL, -10000, 'USD', 'DEPOSIT')",
                "UPDATE wallets SET balance = balance + 10000 WHERE id = '" + world.alice + "'");

        Report report = world.check();

        assertThat(report.result("applied-at-most-once").violations()).contains(
                "deposit " + world.deposit + " (COMPLETED): 2 DEPOSIT postings to wallet " + world.alice);
        assertThat(report.result("stripe-payment-intents-credited-once").violations()).contains(
                "deposit " + world.deposit + " credited 20000, PaymentIntent pi_ok charged 10000");
        assertThat(report.result("balance-equals-postings").holds()).isTrue();
    }

    @Test
    void namesAnUnresolvedStripeDisagreement() throws Exception {
        world.relay();
        world.tamper("INSERT INTO stripe_disagreements (transaction_id, stripe_object_id, stripe_event_id, field, recorded, reported) "
                + "VALUES ('" + world.declinedDeposit + "', 'pi_declined', 'evt_1', 'amount', '5000', '50000')");

        Report report = world.check();

        assertThat(report.result("stripe-disagreements-resolved").violations()).containsExactly("transaction "
                + world.declinedDeposit + ": Stripe reported amount 50000 (pi_declined), our record says 5000 (unresolved)");
        world.tamper("UPDATE stripe_disagreements SET resolved_at = now()");
        assertThat(world.check().passed()).isTrue();
    }

    @Test
    void reportsTheOperatorRecordsOfObjectsStripeDoesNotHoldAndNothingElse() throws Exception {
        // the reconcilers' final answer for a recorded PaymentIntent and a recorded Transfer that Stripe
        // says do not exist: the deposit FAILED with nothing credited, the withdrawal FAILED with its funds back
        UUID givenBack = UUID.randomUUID();
        world.paymentIntents.removeIf(pi -> pi.get("id").equals("pi_declined"));
        world.write(c -> {
            world.transaction(c, givenBack, world.bob, null, "WITHDRAWAL", 300);
            world.event(c, givenBack, world.bob, null, TransactionType.WITHDRAWAL, TransactionStatus.PENDING, 300, null, List.of());
            CheckerWorld.post(c, givenBack, "WALLET", world.bob, -300, "WITHDRAWAL");
            CheckerWorld.post(c, givenBack, "STRIPE_CLEARING", null, 300, "WITHDRAWAL");
            CheckerWorld.sql(c, "UPDATE transactions SET status = 'PROCESSING', stripe_transfer_id = 'tr_gone' WHERE id = '"
                    + givenBack + "'");
            world.event(c, givenBack, world.bob, null, TransactionType.WITHDRAWAL, TransactionStatus.PROCESSING, 300, null,
                    List.of(new WalletPosting(world.bob, -300)));
            CheckerWorld.post(c, givenBack, "WALLET", world.bob, 300, "WITHDRAWAL_REVERSAL");
            CheckerWorld.post(c, givenBack, "STRIPE_CLEARING", null, -300, "WITHDRAWAL_REVERSAL");
            CheckerWorld.sql(c, "UPDATE transactions SET status = 'FAILED', failure_reason = 'PAYOUT_FAILED' WHERE id = '"
                    + givenBack + "'");
            world.event(c, givenBack, world.bob, null, TransactionType.WITHDRAWAL, TransactionStatus.FAILED, 300,
                    FailureReason.PAYOUT_FAILED, List.of(new WalletPosting(world.bob, 300)));
            CheckerWorld.sql(c, "INSERT INTO stripe_disagreements (transaction_id, stripe_object_id, field, recorded, reported) "
                    + "VALUES ('" + world.declinedDeposit + "', 'pi_declined', 'existence', 'pi_declined', 'missing'), ('"
                    + givenBack + "', 'tr_gone', 'existence', 'tr_gone', 'missing')");
        });
        world.relay();

        Report report = world.check();

        assertThat(report.result("stripe-disagreements-resolved").violations()).containsExactly(
                "transaction " + world.declinedDeposit + ": Stripe reported existence missing (pi_declined), our record "
                        + "says pi_declined (unresolved)",
                "transaction " + givenBack + ": Stripe reported existence missing (tr_gone), our record says tr_gone "
                        + "(unresolved)");
        assertThat(report.violations()).allSatisfy(v -> assertThat(v).contains("existence missing"));
        world.tamper("UPDATE stripe_disagreements SET resolved_at = now()");
        assertThat(world.check().passed()).isTrue();
    }

    @Test
    void namesANegativeBalance() throws Exception {
        world.relay();
        world.tamper("ALTER TABLE wallets DROP CONSTRAINT wallet_balance_not_negative",
                "UPDATE wallets SET balance = -5 WHERE id = '" + world.bob + "'");

        Report report = world.check();

        assertThat(report.result("balance-not-negative").violations()).containsExactly("wallet " + world.bob + " balance -5 USD");
    }

    @Test
    void namesATransactionLeftOpenPastItsDeadline() throws Exception {
        UUID stuck = UUID.randomUUID();
        world.write(c -> {
            world.transaction(c, stuck, world.alice, world.bob, "TRANSFER", 100);
            world.event(c, stuck, world.alice, world.bob, TransactionType.TRANSFER, TransactionStatus.PENDING, 100, null, List.of());
            CheckerWorld.sql(c, "UPDATE transactions SET created_at = now() - interval '20 minutes' WHERE id = '" + stuck + "'");
        });
        world.relay();

        Report report = world.check();

        assertThat(report.result("final-before-deadline").violations()).singleElement().asString()
                .startsWith("transfer " + stuck + " still PENDING after 1200 s");
    }
}
