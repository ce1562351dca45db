package com.wallet.webhook.stripe.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;

class KafkaConfigurationTest {

    private final KafkaConfiguration configuration = new KafkaConfiguration();

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        assertThatThrownBy(() -> configuration.stripeEventCodec(new KafkaConfiguration.EncryptionProperties("", "")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.stripeEventCodec(
                new KafkaConfiguration.EncryptionProperties("too-short-key-value", "")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
        assertThatThrownBy(() -> configuration.stripeEventCodec(new KafkaConfiguration.EncryptionProperties(
                "0123456789abcdef0123456789abcdef", "too-short-key-value")))
                .isInstanceOf(InvalidSecretException.class).hasMessageStartingWith("ENCRYPTION_PREVIOUS_KEYS")
                .hasMessageNotContaining("too-short-key-value");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(new KafkaConfiguration.EncryptionProperties("0123456789abcdef0123456789abcdef", "").toString())
                .doesNotContain("0123456789abcdef");
    }
}
