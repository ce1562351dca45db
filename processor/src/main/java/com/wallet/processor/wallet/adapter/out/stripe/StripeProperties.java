package com.wallet.processor.wallet.adapter.out.stripe;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param secretKey          STRIPE_SECRET_KEY; required (the local profile defaults it for the emulator)
 * @param apiBase            STRIPE_API_BASE; blank means Stripe's production API
 * @param rateLimitRetries   extra attempts after a plain 429 (stripe-java does not retry it)
 */
@Validated
@ConfigurationProperties("wallet.stripe")
record StripeProperties(
        String secretKey,
        String apiBase,
        @DefaultValue("3") @Min(0) @Max(10) int maxNetworkRetries,
        @DefaultValue("3") @Min(0) @Max(10) int rateLimitRetries,
        @DefaultValue("500ms") Duration rateLimitBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    /** The key never reaches a log or an error report. */
    @Override
    public String toString() {
        return "StripeProperties[secretKey=<redacted>, apiBase=" + apiBase + ", maxNetworkRetries=" + maxNetworkRetries
                + ", rateLimitRetries=" + rateLimitRetries + ", rateLimitBackoff=" + rateLimitBackoff
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
