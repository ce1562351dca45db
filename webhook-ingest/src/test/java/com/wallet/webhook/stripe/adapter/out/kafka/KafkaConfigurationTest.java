package com.wallet.webhook.stripe.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.config.InvalidSecretException;
import org.junit.jupiter.api.Test;

class KafkaConfigurationTest {

    private final KafkaConfiguration configuration = new KafkaConfiguration();

    @Test
    void aMissingOrMalformedEncryptionKeyStopsStartUpNamingTheVariableNotTheValue() {
        assertThatThrownBy(() -> configuration.stripeEventCodec(new KafkaConfiguration.EncryptionProperties("", "k1")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY");
        assertThatThrownBy(() -> configuration.stripeEventCodec(
                new KafkaConfiguration.EncryptionProperties("too-short-key-value", "k1")))
                .isInstanceOf(InvalidSecretException.class).hasMessageContaining("ENCRYPTION_SECRET_KEY")
                .hasMessageNotContaining("too-short-key-value");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(new KafkaConfiguration.EncryptionProperties("0123456789abcdef0123456789abcdef", "k1").toString())
                .doesNotContain("0123456789abcdef");
    }
}
