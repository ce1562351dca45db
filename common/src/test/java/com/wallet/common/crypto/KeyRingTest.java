package com.wallet.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import com.wallet.common.config.MasterKeys;
import com.wallet.common.crypto.KeyRing.Purpose;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final String C = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void namesEachKeyByItsMaterial() {
        String idA = KeyRing.parse(A, "").currentKeyId();
        assertThat(idA).matches("k[0-9a-f]{12}");
        assertThat(KeyRing.parse(Base64.getEncoder().encodeToString(A.getBytes(StandardCharsets.US_ASCII)), null)
                .currentKeyId()).isEqualTo(idA);
        assertThat(KeyRing.parse(B, "").currentKeyId()).isNotEqualTo(idA);
        assertThat(KeyRing.parse(B, A + ", " + C + ",").keyIds())
                .containsExactly(KeyRing.parse(B, "").currentKeyId(), idA, KeyRing.parse(C, "").currentKeyId());
        assertThat(KeyRing.parse(A, A).keyIds()).containsExactly(idA);
    }

    @Test
    void sealsUnderTheCurrentKeyAndOpensUnderAPreviousOne() {
        FieldCipher underA = KeyRing.parse(A, "").cipher(Purpose.AT_REST);
        byte[] old = underA.seal("IBAN DE89".getBytes(StandardCharsets.UTF_8), "wallets.bank_details:w1");

        KeyRing rotated = KeyRing.parse(B, A);
        FieldCipher cipher = rotated.cipher(Purpose.AT_REST);
        assertThat(new String(cipher.open(old, "wallets.bank_details:w1"), StandardCharsets.UTF_8)).isEqualTo("IBAN DE89");
        assertThat(cipher.isCurrent(old)).isFalse();

        byte[] fresh = cipher.seal("new".getBytes(StandardCharsets.UTF_8), "wallets.bank_details:w2");
        assertThat(FieldCipher.keyIdOf(fresh)).isEqualTo(rotated.currentKeyId()).isNotEqualTo(underA.currentKeyId());
        assertThat(cipher.isCurrent(fresh)).isTrue();
        assertThatThrownBy(() -> underA.open(fresh, "wallets.bank_details:w2"))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("unknown key id");

        byte[] resealed = cipher.reseal(old, "wallets.bank_details:w1");
        assertThat(cipher.isCurrent(resealed)).isTrue();
        FieldCipher onlyB = KeyRing.parse(B, "").cipher(Purpose.AT_REST);
        assertThat(new String(onlyB.open(resealed, "wallets.bank_details:w1"), StandardCharsets.UTF_8)).isEqualTo("IBAN DE89");
        assertThatThrownBy(() -> onlyB.open(old, "wallets.bank_details:w1")).isInstanceOf(DecryptionException.class);
        assertThat(cipher.reseal(resealed, "wallets.bank_details:w1")).isSameAs(resealed);
    }

    @Test
    void keepsEachPurposeApart() {
        KeyRing ring = KeyRing.parse(A, "");
        byte[] atRest = ring.cipher(Purpose.AT_REST).seal(new byte[] {1}, "aad");
        assertThatThrownBy(() -> ring.cipher(Purpose.COMMANDS).open(atRest, "aad")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> ring.cipher(Purpose.STRIPE_EVENTS).open(atRest, "aad")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> new FieldCipher(EncryptionKey.master(A)).open(atRest, "aad"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void opensValuesWrittenBeforePurposeKeysUnderWhicheverRingKeyWroteThem() throws Exception {
        // Before this ring: version 1, key id "k1" (ENCRYPTION_KEY_ID), the master key itself, header not in the AAD.
        byte[] legacy = legacySeal(A.getBytes(StandardCharsets.US_ASCII), "old description", "transactions.description:t1");
        for (KeyRing ring : new KeyRing[] {KeyRing.parse(A, ""), KeyRing.parse(B, A), KeyRing.parse(C, B + "," + A)}) {
            FieldCipher cipher = ring.cipher(Purpose.AT_REST);
            assertThat(new String(cipher.open(legacy, "transactions.description:t1"), StandardCharsets.UTF_8))
                    .isEqualTo("old description");
            assertThat(cipher.isCurrent(legacy)).isFalse();
            assertThat(cipher.isCurrent(cipher.reseal(legacy, "transactions.description:t1"))).isTrue();
        }
        assertThatThrownBy(() -> KeyRing.parse(B, "").cipher(Purpose.AT_REST).open(legacy, "transactions.description:t1"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> KeyRing.parse(A, "").cipher(Purpose.AT_REST).open(legacy, "transactions.description:t2"))
                .isInstanceOf(DecryptionException.class);
        byte[] tampered = legacy.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> KeyRing.parse(A, "").cipher(Purpose.AT_REST).open(tampered, "transactions.description:t1"))
                .isInstanceOf(DecryptionException.class);
        // A current value relabelled as version 1 does not open on the legacy path either.
        byte[] current = KeyRing.parse(A, "").cipher(Purpose.AT_REST).seal(new byte[] {7}, "aad");
        current[0] = 1;
        assertThatThrownBy(() -> KeyRing.parse(A, "").cipher(Purpose.AT_REST).open(current, "aad"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void fingerprintsNameTheirKeyAndStillMatchAfterARotation() throws Exception {
        Fingerprints underA = KeyRing.parse(A, "").fingerprints();
        String stored = underA.of("v1|TRANSFER|10|USD|dinner");
        assertThat(stored).startsWith(underA.currentKeyId() + ":").doesNotContain("dinner");
        assertThat(underA.matches(stored, "v1|TRANSFER|10|USD|dinner")).isTrue();
        assertThat(underA.matches(stored, "v1|TRANSFER|11|USD|dinner")).isFalse();

        Fingerprints rotated = KeyRing.parse(B, A).fingerprints();
        assertThat(rotated.matches(stored, "v1|TRANSFER|10|USD|dinner")).isTrue();
        assertThat(rotated.isCurrent(stored)).isFalse();
        assertThat(rotated.of("v1|TRANSFER|10|USD|dinner")).isNotEqualTo(stored).startsWith(rotated.currentKeyId() + ":");
        assertThat(KeyRing.parse(B, "").fingerprints().matches(stored, "v1|TRANSFER|10|USD|dinner")).isFalse();
        assertThat(rotated.matches("k9:00", "x")).isFalse();
        assertThat(rotated.matches("garbage", "x")).isFalse();
        assertThat(rotated.matches(null, "x")).isFalse();

        // Stored before purpose keys: "k1:" + HMAC under the master key's "wallet fingerprint v1" sub-key.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(EncryptionKey.parse("k1", A).derive("wallet fingerprint v1"));
        String legacy = "k1:" + HexFormat.of().formatHex(mac.doFinal("req".getBytes(StandardCharsets.UTF_8)));
        assertThat(rotated.matches(legacy, "req")).isTrue();
        assertThat(rotated.matches(legacy, "other")).isFalse();
        assertThat(KeyRing.parse(B, "").fingerprints().matches(legacy, "req")).isFalse();
    }

    @Test
    void aBadPreviousKeyNamesItsVariableNeverTheValue() {
        assertThatThrownBy(() -> MasterKeys.ring(A, B + ",not-a-key-at-all"))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_PREVIOUS_KEYS is invalid: entry 2")
                .hasMessageNotContaining("not-a-key-at-all").hasMessageNotContaining(B);
        assertThatThrownBy(() -> MasterKeys.ring("short", B))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_SECRET_KEY is invalid").hasMessageNotContaining("short");
        assertThatThrownBy(() -> MasterKeys.ring(null, B)).hasMessage("ENCRYPTION_SECRET_KEY is not set");
        assertThat(MasterKeys.ring(A, null).keyIds()).hasSize(1);
    }

    /** A value as FieldCipher wrote it before key rotation (version 1). */
    static byte[] legacySeal(byte[] masterKey, String plaintext, String associatedData) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(2 + 2 + 12 + body.length).put((byte) 1).put((byte) 2)
                .put("k1".getBytes(StandardCharsets.US_ASCII)).put(nonce).put(body).array();
    }
}
