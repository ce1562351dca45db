package com.wallet.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MasterKeysTest {

    @Test
    void aMissingOrMalformedKeyNamesTheVariableNotTheValue() {
        assertThatThrownBy(() -> MasterKeys.parse("k1", null)).isInstanceOf(InvalidSecretException.class)
                .hasMessage("ENCRYPTION_SECRET_KEY is not set");
        assertThatThrownBy(() -> MasterKeys.parse("k1", "too-short-key-value")).isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_SECRET_KEY is invalid").hasMessageNotContaining("too-short-key-value");
        assertThatThrownBy(() -> MasterKeys.parse("no spaces", "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(InvalidSecretException.class).hasMessageStartingWith("ENCRYPTION_KEY_ID is invalid")
                .hasMessageNotContaining("0123456789abcdef");
        assertThat(MasterKeys.parse("k1", "0123456789abcdef0123456789abcdef").id()).isEqualTo("k1");
    }
}
