package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.checker.ops.DeadLetters;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import com.wallet.testsupport.LocalServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dead letters as an operator meets them: a short reason and no database detail in the headers, and
 * {@code bin/wallet dlq replay} ({@link DeadLetters}) sending a record back through the normal path,
 * where idempotency and the money rules decide.
 */
class DeadLettersIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A value a constraint's Detail would quote (a column value): it must not reach the DLQ. */
    private static final String DETAIL_VALUE = "acct-no-12345678";

    @AfterEach
    void dropTheFault() {
        owner().sql("DROP TRIGGER IF EXISTS dlq_test_fault ON processed_commands").update();
        owner().sql("DROP FUNCTION IF EXISTS dlq_test_fault()").update();
    }

    /**
     * The next insert of this command id fails as a unique violation whose Detail quotes a value.
     * A trigger is DDL: the owner creates it (the processor's wallet_app may not).
     */
    private void failProcessingOf(UUID commandId) {
        owner().sql("""
                CREATE FUNCTION dlq_test_fault() RETURNS trigger AS $$
                BEGIN
                    IF NEW.command_id = '%s' THEN
                        RAISE EXCEPTION 'duplicate key value violates unique constraint "bank_accounts_number"'
                            USING ERRCODE = 'unique_violation', DETAIL = 'Key (account_number)=(%s) already exists.';
                    END IF;
                    RETURN NEW;
                END
                $$ LANGUAGE plpgsql""".formatted(commandId, DETAIL_VALUE)).update();
        owner().sql("CREATE TRIGGER dlq_test_fault BEFORE INSERT ON processed_commands FOR EACH ROW "
                + "EXECUTE FUNCTION dlq_test_fault()").update();
    }

    @Test
    void deadLettersADatabaseErrorWithAShortReasonOnlyAndItsReplayMovesNothing() {
        WalletFixture wallets = fixture();
        UUID from = wallets.aWalletWith(500);
        UUID to = wallets.aWalletWith(0);
        TransferFunds transfer = wallets.pendingTransfer(from, to, 200);
        failProcessingOf(transfer.transactionId());

        send(transfer);

        await().atMost(PATIENCE).until(() -> deadLettered(from.toString()).size() == 1);
        var record = deadLettered(from.toString()).get(0);
        assertThat(header(record, KafkaConfiguration.REASON_HEADER))
                .isEqualTo("database constraint violated (SQLState 23505)");
        assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(record.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
        for (Header h : record.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).as(h.key())
                    .doesNotContain("Detail").doesNotContain(DETAIL_VALUE).doesNotContain("\tat ")
                    .doesNotContain("INSERT INTO");
        }
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(transfer.transactionId())));

        // The cause is gone; the operator replays it: the transaction already has its final answer,
        // so the command is a no-op (no money moves, no second final status).
        dropTheFault();
        long eventsBefore = wallets.outboxEvents(transfer.transactionId());
        try (DeadLetters dlq = new DeadLetters(LocalServices.kafkaBootstrap(TOPICS))) {
            DeadLetters.DeadLetter letter = dlq.list().stream()
                    .filter(d -> from.toString().equals(d.keyText())).findFirst().orElseThrow();
            assertThat(letter.reason()).isEqualTo("database constraint violated (SQLState 23505)");
            assertThat(letter.replayTopic()).isEqualTo("wallet.commands");
            dlq.replay(letter);
        }
        await().atMost(PATIENCE).until(() -> processedCommands(transfer.transactionId()) == 1);
        assertThat(wallets.status(transfer.transactionId())).isEqualTo("FAILED");
        assertThat(wallets.balance(from)).isEqualTo(500).isEqualTo(wallets.postingsOf(from));
        assertThat(wallets.balance(to)).isZero();
        assertThat(wallets.outboxEvents(transfer.transactionId())).isEqualTo(eventsBefore);
    }

    @Test
    void replaysADeadLetteredStripeEventOnceItsTransactionExistsAndASecondReplayIsANoOp() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        UUID tx = UUID.randomUUID();
        String pi = "pi_replay_" + tx;
        StripeEventMessage succeeded = new StripeEventMessage("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                pi, pi, wallet.toString(), tx.toString(), 4_000, "usd", null, System.currentTimeMillis() / 1000,
                "succeeded");

        sendStripeEvent(succeeded); // no such transaction yet: retried, then dead-lettered

        await().atMost(PATIENCE).until(() -> !stripeDeadLetters(wallet).isEmpty());
        // the deposit it belongs to is there now (it had been accepted late)
        DepositFunds deposit = wallets.pendingDeposit(wallet, 4_000, "pm_card_visa", cipher);
        jdbc.sql("UPDATE transactions SET id = :tx WHERE id = :id").param("tx", tx).param("id", deposit.transactionId())
                .update();

        try (DeadLetters dlq = new DeadLetters(LocalServices.kafkaBootstrap(TOPICS))) {
            DeadLetters.DeadLetter letter = dlq.find(stripeDeadLetters(wallet).get(0).ref()).orElseThrow();
            assertThat(letter.replayTopic()).isEqualTo("stripe.events");
            dlq.replay(letter);
            await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
            assertThat(wallets.balance(wallet)).isEqualTo(4_000).isEqualTo(wallets.postingsOf(wallet));

            dlq.replay(letter); // applied already: processed_stripe_events says so
        }
        DepositFunds marker = wallets.pendingDeposit(wallet, 1, "pm_card_chargeDeclined", cipher);
        send(marker);
        await().atMost(PATIENCE).until(() -> "FAILED".equals(wallets.status(marker.transactionId())));
        assertThat(wallets.balance(wallet)).isEqualTo(4_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.outboxEvents(tx)).isEqualTo(1); // COMPLETED once (the row was inserted without its PENDING event)
    }

    private List<DeadLetters.DeadLetter> stripeDeadLetters(UUID wallet) {
        try (DeadLetters dlq = new DeadLetters(LocalServices.kafkaBootstrap(TOPICS))) {
            return dlq.list().stream().filter(d -> d.topic().equals(KafkaConfiguration.STRIPE_EVENTS_DLQ)
                    && wallet.toString().equals(d.keyText())).toList();
        }
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> deadLettered(String key) {
        return readAll(com.wallet.common.messaging.Topics.WALLET_COMMANDS_DLQ).stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long processedCommands(UUID id) {
        return jdbc.sql("SELECT count(*) FROM processed_commands WHERE command_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
