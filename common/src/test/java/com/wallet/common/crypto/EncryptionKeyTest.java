package com.wallet.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EncryptionKeyTest {

    private static final EncryptionKey MASTER = EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef");

    @Test
    void derivesAPurposeKeyWithHkdfUnderTheSameKeyId() {
        EncryptionKey derived = MASTER.forPurpose("stripe.events");

        assertThat(derived.id()).isEqualTo("k1");
        // HKDF-SHA256(ikm = master, no salt, info = "stripe.events", 32), computed independently:
        // pinned, because every service and every stored record must agree on it.
        assertThat(HexFormat.of().formatHex(derived.secretKey().getEncoded()))
                .isEqualTo("462d74509fb96f832a938e6c0eb6898a186fd2153f30e2138c359502d7d11d67");
        assertThat(derived.toString()).isEqualTo("EncryptionKey[k1/stripe.events]");
    }

    @Test
    void derivesTheSameKeyEveryTimeAndAnotherOneForAnotherPurpose() {
        assertThat(MASTER.forPurpose("stripe.events").secretKey().getEncoded())
                .isEqualTo(EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef")
                        .forPurpose("stripe.events").secretKey().getEncoded())
                .isNotEqualTo(MASTER.forPurpose("wallet.commands").secretKey().getEncoded())
                .isNotEqualTo(MASTER.secretKey().getEncoded());
    }

    @Test
    void aPurposeKeyOpensNothingTheMasterKeySealedNorTheReverse() {
        FieldCipher master = new FieldCipher(MASTER);
        FieldCipher purpose = new FieldCipher(MASTER.forPurpose("stripe.events"));

        assertThatThrownBy(() -> purpose.openString(master.sealString("x", "aad"), "aad"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> master.openString(purpose.sealString("x", "aad"), "aad"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void derivesOnlyFromAMasterKey() {
        assertThatThrownBy(() -> MASTER.forPurpose("a").forPurpose("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MASTER.forPurpose(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheKeyIdOfASealedValue() {
        byte[] sealed = new FieldCipher(EncryptionKey.parse("k-2026", HexFormat.of().formatHex(new byte[16])))
                .seal(new byte[3], "aad");

        assertThat(FieldCipher.keyIdOf(sealed)).isEqualTo("k-2026");
        assertThatThrownBy(() -> FieldCipher.keyIdOf(new byte[] {1, -5, 0})).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> FieldCipher.keyIdOf(new byte[0])).isInstanceOf(DecryptionException.class);
    }
}
