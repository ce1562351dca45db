package com.wallet.gateway.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;

class WalletConfigurationTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.keyRing(new WalletConfiguration.EncryptionProperties("", "")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.keyRing(
                new WalletConfiguration.EncryptionProperties("too-short-key-value", null)))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
        assertThat(configuration.fieldCipher(configuration.keyRing(new WalletConfiguration.EncryptionProperties(
                KEY, null))).currentKeyId()).matches("k[0-9a-f]{12}");
    }

    @Test
    void aMalformedPreviousKeyStopsStartUpNamingItsVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.keyRing(
                new WalletConfiguration.EncryptionProperties(KEY, "fedcba9876543210fedcba9876543210,short-key")))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_PREVIOUS_KEYS is invalid")
                .hasMessageNotContaining("short-key").hasMessageNotContaining("fedcba");
    }
}
