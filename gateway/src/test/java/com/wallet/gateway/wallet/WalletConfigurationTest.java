package com.wallet.gateway.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;

class WalletConfigurationTest {

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.fieldCipher(new WalletConfiguration.EncryptionProperties("", "k1")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.fieldCipher(
                new WalletConfiguration.EncryptionProperties("too-short-key-value", "k1")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
        assertThat(configuration.fieldCipher(new WalletConfiguration.EncryptionProperties(
                "0123456789abcdef0123456789abcdef", "k1")).currentKeyId()).isEqualTo("k1");
    }
}
