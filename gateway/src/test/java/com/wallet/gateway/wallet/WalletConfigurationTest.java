package com.wallet.gateway.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class WalletConfigurationTest {

    private static final StandardEnvironment LOCAL = new StandardEnvironment();

    static {
        LOCAL.setActiveProfiles("local");
    }

    @Test
    void aPlaceholderEncryptionKeyStopsStartUpOutsideLocalModeOnly() {
        WalletConfiguration configuration = new WalletConfiguration();
        var placeholder = new WalletConfiguration.EncryptionProperties("CHANGE_ME_32_ASCII_CHARACTERS_00", "k1");
        assertThatThrownBy(() -> configuration.fieldCipher(placeholder, new StandardEnvironment()))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_SECRET_KEY is a well-known value")
                .hasMessageNotContaining("CHANGE_ME_32");
        assertThat(configuration.fieldCipher(placeholder, LOCAL).currentKeyId()).isEqualTo("k1");
        assertThat(placeholder.toString()).doesNotContain("CHANGE_ME");
    }

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        WalletConfiguration configuration = new WalletConfiguration();
        assertThatThrownBy(() -> configuration.fieldCipher(new WalletConfiguration.EncryptionProperties("", "k1"), LOCAL))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.fieldCipher(
                new WalletConfiguration.EncryptionProperties("too-short-key-value", "k1"), LOCAL))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
        assertThat(configuration.fieldCipher(new WalletConfiguration.EncryptionProperties(
                "0123456789abcdef0123456789abcdef", "k1"), LOCAL).currentKeyId()).isEqualTo("k1");
    }
}
