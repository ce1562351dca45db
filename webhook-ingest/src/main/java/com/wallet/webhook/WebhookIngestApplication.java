package com.wallet.webhook;

import com.wallet.common.config.WellKnownSecretsGuard;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Receives Stripe webhooks, verifies them and publishes them to stripe.events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngestApplication.class, args);
    }

    /** Outside local mode a well-known STRIPE_WEBHOOK_SECRET and ENCRYPTION_SECRET_KEY stops the start-up (contract section 3). */
    @Bean
    static WellKnownSecretsGuard wellKnownSecrets() {
        return new WellKnownSecretsGuard(Map.of("STRIPE_WEBHOOK_SECRET", "wallet.stripe.webhook-secret", "ENCRYPTION_SECRET_KEY", "wallet.encryption.key"));
    }
}
