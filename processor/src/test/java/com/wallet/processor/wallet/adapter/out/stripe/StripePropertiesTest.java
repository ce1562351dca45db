package com.wallet.processor.wallet.adapter.out.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripePropertiesTest {

    @Test
    void toStringRedactsTheSecretKey() {
        StripeProperties properties = new StripeProperties("sk_live_verysecret123", "https://api.example", 3, 3,
                Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(20));
        assertThat(properties.toString()).doesNotContain("verysecret").contains("<redacted>")
                .contains("https://api.example");
    }
}
