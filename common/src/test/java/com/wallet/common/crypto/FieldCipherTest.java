package com.wallet.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String ASCII_KEY = "0123456789abcdef0123456789abcdef";
    private final FieldCipher cipher = new FieldCipher(EncryptionKey.parse("k1", ASCII_KEY));

    @Test
    void roundTripsAValueBoundToItsRowAndField() {
        String sealed = cipher.sealString("IBAN DE89 3704", "wallets.bank_details:w1");
        assertThat(sealed).doesNotContain("DE89");
        assertThat(cipher.openString(sealed, "wallets.bank_details:w1")).isEqualTo("IBAN DE89 3704");
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        assertThat(cipher.sealString("same", "aad")).isNotEqualTo(cipher.sealString("same", "aad"));
    }

    @Test
    void refusesAValueMovedToAnotherRow() {
        String sealed = cipher.sealString("secret", "transactions.description:a");
        assertThatThrownBy(() -> cipher.openString(sealed, "transactions.description:b"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesATamperedValue() {
        byte[] sealed = cipher.seal("secret".getBytes(StandardCharsets.UTF_8), "aad");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed, "aad")).isInstanceOf(DecryptionException.class);
    }

    @Test
    void opensValuesSealedBeforeAKeyRotation() {
        String sealedWithOld = cipher.sealString("old", "aad");
        FieldCipher rotated = new FieldCipher(
                EncryptionKey.parse("k2", Base64.getEncoder().encodeToString(new byte[32])),
                EncryptionKey.parse("k1", ASCII_KEY));
        assertThat(rotated.openString(sealedWithOld, "aad")).isEqualTo("old");
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
    }

    @Test
    void namesAnUnknownKeyIdClearly() {
        FieldCipher other = new FieldCipher(EncryptionKey.parse("k9", ASCII_KEY));
        String sealed = cipher.sealString("x", "aad");
        assertThatThrownBy(() -> other.openString(sealed, "aad"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("unknown key id k1");
    }

    @Test
    void acceptsOnlyThirtyTwoByteKeysAndNeverEchoesThem() {
        assertThat(EncryptionKey.parse("k1", Base64.getEncoder().encodeToString(new byte[32])).id()).isEqualTo("k1");
        assertThatThrownBy(() -> EncryptionKey.parse("k1", "too-short-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("too-short-secret");
        assertThatThrownBy(() -> EncryptionKey.parse("k1", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsAreKeyedAndSurviveARotation() {
        String fingerprint = cipher.fingerprint("transfer|10|USD|dinner");
        assertThat(fingerprint).startsWith("k1:").doesNotContain("dinner");
        assertThat(cipher.fingerprintMatches(fingerprint, "transfer|10|USD|dinner")).isTrue();
        assertThat(cipher.fingerprintMatches(fingerprint, "transfer|11|USD|dinner")).isFalse();
        FieldCipher otherKey = new FieldCipher(EncryptionKey.parse("k1", "fedcba9876543210fedcba9876543210"));
        assertThat(otherKey.fingerprint("transfer|10|USD|dinner")).isNotEqualTo(fingerprint);
        FieldCipher rotated = new FieldCipher(
                EncryptionKey.parse("k2", Base64.getEncoder().encodeToString(new byte[32])),
                EncryptionKey.parse("k1", ASCII_KEY));
        assertThat(rotated.fingerprintMatches(fingerprint, "transfer|10|USD|dinner")).isTrue();
        assertThat(rotated.fingerprintMatches("k9:00", "x")).isFalse();
        assertThat(rotated.fingerprintMatches("garbage", "x")).isFalse();
    }
}
