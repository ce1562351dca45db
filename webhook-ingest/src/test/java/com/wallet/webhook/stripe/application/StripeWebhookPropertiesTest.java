package com.wallet.webhook.stripe.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeWebhookPropertiesTest {

    @Test
    void toStringRedactsTheSigningSecret() {
        StripeWebhookProperties properties = new StripeWebhookProperties("whsec_verysecret123", Duration.ofMinutes(5));
        assertThat(properties.toString()).doesNotContain("verysecret").contains("<redacted>").contains("PT5M");
    }
}
