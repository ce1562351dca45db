package com.wallet.gateway.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class WalletConfigurationTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final StandardEnvironment LOCAL = new StandardEnvironment();

    static {
        LOCAL.setActiveProfiles("local");
    }

    @Test
    void aPlaceholderEncryptionKeyStopsStartUpOutsideLocalModeOnly() {
        WalletConfiguration configuration = new WalletConfiguration();
        var placeholder = new WalletConfiguration.EncryptionProperties("CHANGE_ME_32_ASCII_CHARACTERS_00", null);
        assertThatThrownBy(() -> configuration.keyRing(placeholder, new StandardEnvironment()))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_SECRET_KEY is a well-known value")
                .hasMessageNotContaining("CHANGE_ME_32");
        assertThat(configuration.fieldCipher(configuration.keyRing(placeholder, LOCAL)).currentKeyId()).matches("k[0-9a-f]{12}");
        assertThat(placeholder.toString()).doesNotContain("CHANGE_ME");
    }

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.keyRing(new WalletConfiguration.EncryptionProperties("", ""), LOCAL))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.keyRing(
                new WalletConfiguration.EncryptionProperties("too-short-key-value", null), LOCAL))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
        assertThat(configuration.fieldCipher(configuration.keyRing(new WalletConfiguration.EncryptionProperties(
                KEY, null), LOCAL)).currentKeyId()).matches("k[0-9a-f]{12}");
    }

    @Test
    void aMalformedPreviousKeyStopsStartUpNamingItsVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.keyRing(
                new WalletConfiguration.EncryptionProperties(KEY, "fedcba9876543210fedcba9876543210,short-key"), LOCAL))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_PREVIOUS_KEYS is invalid")
                .hasMessageNotContaining("short-key").hasMessageNotContaining("fedcba");
    }
}
