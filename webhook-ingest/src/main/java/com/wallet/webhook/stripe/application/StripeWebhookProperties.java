package com.wallet.webhook.stripe.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param webhookSecret      the endpoint's {@code whsec_...} secret ({@code STRIPE_WEBHOOK_SECRET})
 * @param signatureTolerance how old a signature may be (Stripe's default: 5 minutes)
 */
@Validated
@ConfigurationProperties("wallet.stripe")
public record StripeWebhookProperties(String webhookSecret, @NotNull Duration signatureTolerance) {

    /** The signing secret never reaches a log or an error report. */
    @Override
    public String toString() {
        return "StripeWebhookProperties[webhookSecret=<redacted>, signatureTolerance=" + signatureTolerance + "]";
    }
}
