package com.wallet.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MasterKeysTest {

    @Test
    void aMissingOrMalformedKeyNamesTheVariableNotTheValue() {
        assertThatThrownBy(() -> MasterKeys.ring(null, null)).isInstanceOf(InvalidSecretException.class)
                .hasMessage("ENCRYPTION_SECRET_KEY is not set");
        assertThatThrownBy(() -> MasterKeys.ring("too-short-key-value", "")).isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("ENCRYPTION_SECRET_KEY is invalid").hasMessageNotContaining("too-short-key-value");
        assertThatThrownBy(() -> MasterKeys.ring("0123456789abcdef0123456789abcdef", "too-short-key-value"))
                .isInstanceOf(InvalidSecretException.class).hasMessageStartingWith("ENCRYPTION_PREVIOUS_KEYS is invalid")
                .hasMessageNotContaining("too-short-key-value").hasMessageNotContaining("0123456789abcdef");
        assertThat(MasterKeys.ring("0123456789abcdef0123456789abcdef", "").currentKeyId()).matches("k[0-9a-f]{12}");
    }
}
