package com.wallet.common.messaging;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a {@link StripeEventMessage} into a {@link StripeEventEnvelope} and opens it again:
 * AES-256-GCM under the master key's {@code stripe.events} purpose key (HKDF, see
 * {@link EncryptionKey#forPurpose}), associated data {@code "stripe.events:" + eventId}. A record
 * forged without the key, altered, or copied under another event id does not open.
 *
 * <p>The JSON of the envelope and of the sealed message is this class's own mapper, so the wire
 * format does not depend on how a service configures Jackson.
 */
public final class StripeEventCodec {

    /** HKDF info of the key that seals stripe.events records. */
    public static final String KEY_PURPOSE = Topics.STRIPE_EVENTS;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_ID = "[A-Za-z0-9_-]{1,32}";

    private final FieldCipher cipher;

    private StripeEventCodec(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** Seals under the ring's current key, opens records of any ring key (the key id in the record says which). */
    public static StripeEventCodec forKeyRing(KeyRing ring) {
        return new StripeEventCodec(ring.cipher(KeyRing.Purpose.STRIPE_EVENTS));
    }

    /**
     * @param current the master key (ENCRYPTION_SECRET_KEY): seals, and opens what it sealed
     * @param older   earlier master keys, whose records still open during a rotation
     */
    public static StripeEventCodec forMasterKeys(EncryptionKey current, EncryptionKey... older) {
        return forKeyRing(KeyRing.of(current, older));
    }

    public StripeEventEnvelope seal(StripeEventMessage message) {
        byte[] sealed = cipher.seal(JSON.writeValueAsBytes(message), associatedData(message.eventId()));
        return new StripeEventEnvelope(message.eventId(), cipher.currentKeyId(), Base64.getEncoder().encodeToString(sealed));
    }

    /** Opens a record value as it is on the topic (the envelope's JSON). */
    public StripeEventMessage open(byte[] recordValue) {
        if (recordValue == null || recordValue.length == 0) {
            throw refused(Refusal.MALFORMED, "record has no value");
        }
        StripeEventEnvelope envelope;
        try {
            envelope = JSON.readValue(recordValue, StripeEventEnvelope.class);
        } catch (JacksonException e) {
            throw refused(Refusal.MALFORMED, "record value is not a JSON envelope");
        }
        return open(envelope);
    }

    public StripeEventMessage open(StripeEventEnvelope envelope) {
        if (envelope == null || isBlank(envelope.eventId()) || isBlank(envelope.sealed())
                || envelope.keyId() == null || !envelope.keyId().matches(KEY_ID)) {
            throw refused(Refusal.MALFORMED, "record is not a sealed envelope (eventId, keyId and sealed are required)");
        }
        byte[] plaintext = openSealed(envelope);
        StripeEventMessage message;
        try {
            message = JSON.readValue(plaintext, StripeEventMessage.class);
        } catch (JacksonException e) {
            // Only possible for a genuine key: the message names no part of the plaintext.
            throw refused(Refusal.INCONSISTENT, "sealed payload is not a Stripe event message");
        }
        if (message == null || !envelope.eventId().equals(message.eventId())) {
            throw refused(Refusal.INCONSISTENT, "sealed event's id is not the envelope's eventId");
        }
        return message;
    }

    private byte[] openSealed(StripeEventEnvelope envelope) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(envelope.sealed());
        } catch (IllegalArgumentException e) {
            throw refused(Refusal.MALFORMED, "sealed is not base64");
        }
        try {
            if (!envelope.keyId().equals(FieldCipher.keyIdOf(sealed))) {
                throw refused(Refusal.UNAUTHENTIC, "envelope keyId is not the ciphertext's");
            }
            return cipher.open(sealed, associatedData(envelope.eventId()));
        } catch (DecryptionException e) {
            // DecryptionException's messages name no key material, and the key id in them was checked above.
            throw refused(Refusal.UNAUTHENTIC, "sealed event does not open: " + e.getMessage());
        }
    }

    private static String associatedData(String eventId) {
        return Topics.STRIPE_EVENTS + ":" + eventId;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static RefusedStripeEventException refused(Refusal refusal, String reason) {
        return new RefusedStripeEventException(refusal, "stripe.events " + reason);
    }

    /** Why a record was refused; a metric tag, so a handful of values. */
    public enum Refusal {
        /** not an envelope at all: plaintext, garbage, missing fields */
        MALFORMED,
        /** fails authentication: forged, tampered, bound to another event id, or another key */
        UNAUTHENTIC,
        /** authentic, yet the sealed message disagrees with its envelope (a producer bug) */
        INCONSISTENT
    }

    /**
     * A stripe.events record that did not open: it must move no money, and retrying cannot help.
     * The message names the check that failed, never plaintext or key material.
     */
    public static final class RefusedStripeEventException extends RuntimeException {

        private final Refusal refusal;

        RefusedStripeEventException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
