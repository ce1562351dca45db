package com.wallet.webhook.stripe.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param webhookSecret      the endpoint's {@code whsec_...} secret ({@code STRIPE_WEBHOOK_SECRET}); several,
 *                           comma-separated, while Stripe rolls the endpoint's secret (old and new both sign)
 * @param signatureTolerance how old a signature may be (Stripe's default: 5 minutes)
 */
@Validated
@ConfigurationProperties("wallet.stripe")
public record StripeWebhookProperties(String webhookSecret, @NotNull Duration signatureTolerance) {

    /** The secrets a signature may be valid under, in the order given; empty when none is set. */
    public List<String> webhookSecrets() {
        return webhookSecret == null ? List.of()
                : Arrays.stream(webhookSecret.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The signing secret never reaches a log or an error report. */
    @Override
    public String toString() {
        return "StripeWebhookProperties[webhookSecret=<redacted>, signatureTolerance=" + signatureTolerance + "]";
    }
}
