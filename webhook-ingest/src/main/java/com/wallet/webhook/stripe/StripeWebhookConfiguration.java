package com.wallet.webhook.stripe;

import com.wallet.common.config.InvalidSecretException;
import com.wallet.webhook.stripe.application.IngestStripeEvent;
import com.wallet.webhook.stripe.application.PublishedEvents;
import com.wallet.webhook.stripe.application.StripeEvents;
import com.wallet.webhook.stripe.application.StripeWebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StripeWebhookConfiguration {

    @Bean
    IngestStripeEvent ingestStripeEvent(StripeWebhookProperties properties, StripeEvents events,
                                        PublishedEvents published, MeterRegistry meters) {
        // A default secret outside local mode would let anyone who knows it forge deposits.
        if (properties.webhookSecrets().isEmpty()) {
            throw new InvalidSecretException("STRIPE_WEBHOOK_SECRET", "is not set");
        }
        return new IngestStripeEvent(properties, events, published, meters);
    }
}
