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
    void refusesAChangeToAnyPartOfTheCiphertext() {
        byte[] sealed = cipher.seal("secret".getBytes(StandardCharsets.UTF_8), "transactions.description:t1");
        int keyIdEnd = 2 + sealed[1];
        // version(0), key id length(1), key id, nonce (12 bytes), body, tag (the last 16 bytes)
        int[] positions = {0, 1, 2, keyIdEnd - 1, keyIdEnd, keyIdEnd + 11, keyIdEnd + 12, sealed.length - 17,
                sealed.length - 16, sealed.length - 1};
        for (int position : positions) {
            for (int bit : new int[] {1, 2, 0x80}) {
                byte[] tampered = sealed.clone();
                tampered[position] ^= (byte) bit;
                assertThatThrownBy(() -> cipher.open(tampered, "transactions.description:t1"))
                        .as("byte %d, bit %d", position, bit).isInstanceOf(DecryptionException.class)
                        .hasMessageNotContaining("secret");
            }
        }
        assertThatThrownBy(() -> cipher.open(java.util.Arrays.copyOf(sealed, sealed.length - 1), "transactions.description:t1"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "transactions.description:t2")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "transactions.payment_method:t1")).isInstanceOf(DecryptionException.class);
        assertThat(new String(cipher.open(sealed, "transactions.description:t1"), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void refusesAValueWhoseKeyIdWasSwappedForAnotherKnownKey() {
        EncryptionKey k2 = EncryptionKey.parse("k2", "fedcba9876543210fedcba9876543210");
        FieldCipher both = new FieldCipher(EncryptionKey.parse("k1", ASCII_KEY), k2);
        byte[] sealed = both.seal("secret".getBytes(StandardCharsets.UTF_8), "aad");
        sealed[3] = '2'; // "k1" -> "k2": the other key, and the header is authenticated too
        assertThatThrownBy(() -> both.open(sealed, "aad")).isInstanceOf(DecryptionException.class);
    }
}
