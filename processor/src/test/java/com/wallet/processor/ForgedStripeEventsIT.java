package com.wallet.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventEnvelope;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contract 6.8: only records webhook-ingest sealed after verifying Stripe's signature move money.
 * Records produced straight to stripe.events by anyone without the key (plaintext as before
 * sealing, another key, a genuine ciphertext replayed under another event id, a tampered one,
 * garbage, a tombstone) move nothing, land on stripe.events.dlq as received with a short reason,
 * are counted, and do not block the partition: the genuine event behind them still settles.
 */
class ForgedStripeEventsIT extends ProcessorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REFUSED_METRIC = "wallet.stripe.events.refused";
    private static final String FAILED_AUTHENTICATION =
            "stripe.events sealed event does not open: ciphertext failed authentication (wrong key, data or binding)";

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesForgedRecordsForAnOpenDepositThenSettlesTheGenuineEvent() {
        WalletFixture wallets = fixture();
        UUID wallet = wallets.aWalletWith(0);
        DepositFunds deposit = wallets.pendingDeposit(wallet, 5_000, "pm_card_visa", cipher);
        UUID tx = deposit.transactionId();
        String pi = "pi_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("UPDATE transactions SET status = 'PROCESSING', stripe_payment_intent_id = :pi WHERE id = :id")
                .param("pi", pi).param("id", tx).update();
        StripeEventMessage genuine = succeeded(tx, wallet, pi);
        StripeEventMessage forged = succeeded(tx, wallet, pi); // agrees with the record in every field
        StripeEventEnvelope genuineRecord = STRIPE_EVENT_CODEC.seal(genuine);
        StripeEventCodec otherKey = StripeEventCodec.forMasterKeys(
                EncryptionKey.parse("k1", "fedcba9876543210fedcba9876543210"));
        double refusedBefore = refusedCount();

        Map<String, String> reasonByValue = new LinkedHashMap<>();
        reasonByValue.put(json.writeValueAsString(forged),
                "stripe.events record is not a sealed envelope (eventId, keyId and sealed are required)");
        // Another key is another key id (ids are derived from the keys): refused by its id, and, relabelled
        // with the genuine id, by its tag (the header is authenticated too).
        StripeEventEnvelope underOtherKey = otherKey.seal(forged);
        reasonByValue.put(json.writeValueAsString(underOtherKey),
                "stripe.events sealed event does not open: ciphertext was sealed with unknown key id " + underOtherKey.keyId());
        reasonByValue.put(json.writeValueAsString(relabelled(underOtherKey, genuineRecord.keyId())), FAILED_AUTHENTICATION);
        reasonByValue.put(json.writeValueAsString(new StripeEventEnvelope(forged.eventId(), genuineRecord.keyId(),
                genuineRecord.sealed())), FAILED_AUTHENTICATION);
        reasonByValue.put(json.writeValueAsString(tampered(STRIPE_EVENT_CODEC.seal(forged))), FAILED_AUTHENTICATION);
        reasonByValue.put("{\"eventId\": not json", "stripe.events record value is not a JSON envelope");
        List<String> values = new ArrayList<>(reasonByValue.keySet());
        values.add(null); // a tombstone
        List<String> reasons = new ArrayList<>(reasonByValue.values());
        reasons.add("stripe.events record has no value");

        values.forEach(value -> sendRaw(Topics.STRIPE_EVENTS, wallet.toString(), value));

        await().atMost(PATIENCE).until(() -> deadLettered(wallet).size() == values.size());
        List<ConsumerRecord<String, String>> dlq = deadLettered(wallet);
        assertThat(dlq).extracting(ConsumerRecord::value).as("as received, in order").containsExactlyElementsOf(values);
        assertThat(dlq).extracting(r -> header(r, KafkaConfiguration.REASON_HEADER)).containsExactlyElementsOf(reasons);
        assertThat(dlq).extracting(r -> header(r, KafkaConfiguration.EXCEPTION_HEADER))
                .containsOnly(StripeEventCodec.RefusedStripeEventException.class.getName());
        assertThat(refusedCount() - refusedBefore).isEqualTo(values.size());
        assertThat(wallets.status(tx)).isEqualTo("PROCESSING");
        assertThat(wallets.balance(wallet)).isZero();
        assertThat(wallets.ledgerEntries(tx)).isZero();
        assertThat(processed(forged.eventId())).isZero();

        sendStripeEvent(genuine);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(wallets.status(tx)));
        assertThat(wallets.balance(wallet)).isEqualTo(5_000).isEqualTo(wallets.postingsOf(wallet));
        assertThat(wallets.ledgerEntries(tx)).isEqualTo(2);
        assertThat(processed(genuine.eventId())).isEqualTo(1);
        assertThat(processed(forged.eventId())).isZero();
        assertThat(deadLettered(wallet)).hasSize(values.size());
    }

    @Test
    void deadLettersAnUnmatchedEventStillSealed() {
        UUID wallet = fixture().aWalletWith(0);
        StripeEventMessage orphan = new StripeEventMessage("evt_" + UUID.randomUUID(), "charge.dispute.created",
                "dp_" + UUID.randomUUID(), "pi_unknown_" + wallet, wallet.toString(), null, 100, "usd", null,
                System.currentTimeMillis() / 1000, "needs_response");
        double refusedBefore = refusedCount();

        sendStripeEvent(orphan);

        await().atMost(PATIENCE).until(() -> deadLettered(wallet).size() == 1);
        String value = deadLettered(wallet).get(0).value();
        assertThat(value).doesNotContain("charge.dispute.created").doesNotContain("pi_unknown_");
        assertThat(STRIPE_EVENT_CODEC.open(value.getBytes(StandardCharsets.UTF_8))).isEqualTo(orphan);
        assertThat(refusedCount()).isEqualTo(refusedBefore);
    }

    private static StripeEventMessage succeeded(UUID tx, UUID wallet, String paymentIntent) {
        return new StripeEventMessage("evt_" + UUID.randomUUID(), "payment_intent.succeeded", paymentIntent,
                paymentIntent, wallet.toString(), tx.toString(), 5_000, "usd", null,
                System.currentTimeMillis() / 1000, "succeeded");
    }

    private static StripeEventEnvelope tampered(StripeEventEnvelope envelope) {
        byte[] sealed = Base64.getDecoder().decode(envelope.sealed());
        sealed[sealed.length - 17] ^= 0x01; // the last ciphertext byte, before the tag
        return new StripeEventEnvelope(envelope.eventId(), envelope.keyId(), Base64.getEncoder().encodeToString(sealed));
    }

    /** The same ciphertext claiming another key id, in its header and in the envelope. */
    private static StripeEventEnvelope relabelled(StripeEventEnvelope envelope, String keyId) {
        byte[] sealed = Base64.getDecoder().decode(envelope.sealed());
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        assertThat(sealed[1]).isEqualTo((byte) id.length);
        System.arraycopy(id, 0, sealed, 2, id.length);
        return new StripeEventEnvelope(envelope.eventId(), keyId, Base64.getEncoder().encodeToString(sealed));
    }

    private static List<ConsumerRecord<String, String>> deadLettered(UUID wallet) {
        return readAll(KafkaConfiguration.STRIPE_EVENTS_DLQ).stream()
                .filter(r -> wallet.toString().equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double refusedCount() {
        return meters.find(REFUSED_METRIC).counters().stream().mapToDouble(Counter::count).sum();
    }

    private long processed(String eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_stripe_events WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }
}
