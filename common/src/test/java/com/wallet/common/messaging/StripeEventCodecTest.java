package com.wallet.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.StripeEventCodec.Refusal;
import com.wallet.common.messaging.StripeEventCodec.RefusedStripeEventException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StripeEventCodecTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final EncryptionKey MASTER = EncryptionKey.master(SECRET);
    private static final String ID = MASTER.id();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StripeEventMessage EVENT = new StripeEventMessage("evt_1", "payment_intent.succeeded",
            "pi_1", "pi_1", "w-1", "tx-1", 1500, "usd", null, 1700000000L, "succeeded");

    private final StripeEventCodec codec = StripeEventCodec.forMasterKeys(MASTER);

    @Test
    void sealsAnEventAndOpensItAgain() {
        StripeEventEnvelope envelope = codec.seal(EVENT);

        assertThat(envelope.eventId()).isEqualTo("evt_1");
        assertThat(envelope.keyId()).isEqualTo(ID);
        assertThat(codec.open(envelope)).isEqualTo(EVENT);
        assertThat(codec.open(JSON.writeValueAsBytes(envelope))).isEqualTo(EVENT);
    }

    @Test
    void theRecordCarriesOnlyTheEventIdAndKeyIdInClear() {
        String wire = JSON.writeValueAsString(codec.seal(EVENT));

        assertThat(wire).contains("evt_1").doesNotContain("payment_intent").doesNotContain("pi_1")
                .doesNotContain("w-1").doesNotContain("tx-1").doesNotContain("1500");
    }

    @Test
    void sealsWithTheStripeEventsPurposeKeyNotTheMasterKey() {
        byte[] sealed = Base64.getDecoder().decode(codec.seal(EVENT).sealed());

        assertThatThrownBy(() -> new FieldCipher(MASTER).open(sealed, "stripe.events:evt_1"))
                .isInstanceOf(com.wallet.common.crypto.DecryptionException.class);
        assertThat(new FieldCipher(MASTER.forPurpose("stripe.events")).open(sealed, "stripe.events:evt_1"))
                .isEqualTo(JSON.writeValueAsBytes(EVENT));
    }

    @Test
    void refusesATamperedCiphertext() {
        StripeEventEnvelope envelope = codec.seal(EVENT);
        byte[] sealed = Base64.getDecoder().decode(envelope.sealed());
        sealed[sealed.length - 20] ^= 1;

        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID, Base64.getEncoder().encodeToString(sealed))),
                Refusal.UNAUTHENTIC);
    }

    @Test
    void refusesARecordReplayedUnderAnotherEventId() {
        StripeEventEnvelope envelope = codec.seal(EVENT);

        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_2", envelope.keyId(), envelope.sealed())),
                Refusal.UNAUTHENTIC);
    }

    @Test
    void refusesARecordSealedWithAnotherKey() {
        StripeEventCodec other = StripeEventCodec.forMasterKeys(EncryptionKey.parse("k1", "fedcba9876543210fedcba9876543210"));

        assertRefused(() -> codec.open(other.seal(EVENT)), Refusal.UNAUTHENTIC);
        // sealed with the master key itself (right bytes, wrong purpose)
        String underMaster = Base64.getEncoder().encodeToString(
                new FieldCipher(MASTER).seal(JSON.writeValueAsBytes(EVENT), "stripe.events:evt_1"));
        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID, underMaster)), Refusal.UNAUTHENTIC);
    }

    @Test
    void refusesAnAlteredKeyIdAndAnUnknownOne() {
        StripeEventEnvelope envelope = codec.seal(EVENT);
        StripeEventCodec rotated = StripeEventCodec.forMasterKeys(EncryptionKey.parse("k2", "fedcba9876543210fedcba9876543210"));

        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", "k2", envelope.sealed())), Refusal.UNAUTHENTIC);
        assertRefused(() -> codec.open(rotated.seal(EVENT)), Refusal.UNAUTHENTIC);
    }

    @Test
    void opensRecordsOfAnOlderKeyDuringARotation() {
        EncryptionKey k2 = EncryptionKey.parse("k2", "fedcba9876543210fedcba9876543210");
        StripeEventCodec rotated = StripeEventCodec.forMasterKeys(k2, MASTER);

        assertThat(rotated.open(codec.seal(EVENT))).isEqualTo(EVENT);
        assertThat(rotated.seal(EVENT).keyId()).isEqualTo(EncryptionKey.master("fedcba9876543210fedcba9876543210").id());
    }

    @Test
    void refusesAPlaintextEventAndGarbageAsMalformed() {
        assertRefused(() -> codec.open(JSON.writeValueAsBytes(EVENT)), Refusal.MALFORMED);
        assertRefused(() -> codec.open("not json".getBytes(StandardCharsets.UTF_8)), Refusal.MALFORMED);
        assertRefused(() -> codec.open("[1,2]".getBytes(StandardCharsets.UTF_8)), Refusal.MALFORMED);
        assertRefused(() -> codec.open("null".getBytes(StandardCharsets.UTF_8)), Refusal.MALFORMED);
        assertRefused(() -> codec.open((byte[]) null), Refusal.MALFORMED);
        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID, "not base64!")), Refusal.MALFORMED);
        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID,
                Base64.getEncoder().encodeToString(new byte[40]))), Refusal.UNAUTHENTIC);
    }

    @Test
    void refusesAnAuthenticRecordWhoseMessageIsNotItsEnvelopes() {
        // Only a holder of the key can build it (a producer bug): the AAD is the envelope's id, the message another.
        FieldCipher purposeKey = new FieldCipher(MASTER.forPurpose("stripe.events"));
        StripeEventMessage other = new StripeEventMessage("evt_9", "payment_intent.succeeded", "pi_1", "pi_1", "w-1",
                "tx-1", 1500, "usd", null, 1L, "succeeded");
        String sealed = Base64.getEncoder().encodeToString(purposeKey.seal(JSON.writeValueAsBytes(other), "stripe.events:evt_1"));
        String notAMessage = Base64.getEncoder().encodeToString(purposeKey.seal("[]".getBytes(StandardCharsets.UTF_8),
                "stripe.events:evt_1"));

        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID, sealed)), Refusal.INCONSISTENT);
        assertRefused(() -> codec.open(new StripeEventEnvelope("evt_1", ID, notAMessage)), Refusal.INCONSISTENT);
    }

    @Test
    void aRefusalNamesNoPlaintextNorKey() {
        StripeEventEnvelope envelope = codec.seal(EVENT);

        assertThatThrownBy(() -> codec.open(new StripeEventEnvelope("evt_2", ID, envelope.sealed())))
                .hasMessageStartingWith("stripe.events ")
                .hasMessageNotContaining("pi_1").hasMessageNotContaining("w-1").hasMessageNotContaining(SECRET);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable open, Refusal refusal) {
        return assertThatThrownBy(open).isInstanceOfSatisfying(RefusedStripeEventException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
