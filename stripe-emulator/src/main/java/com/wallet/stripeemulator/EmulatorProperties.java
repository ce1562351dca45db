package com.wallet.stripeemulator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param secretKey     the only API key accepted ({@code STRIPE_SECRET_KEY})
 * @param webhookUrl    where events are posted ({@code STRIPE_WEBHOOK_URL})
 * @param webhookSecret the {@code whsec_...} signing secret ({@code STRIPE_WEBHOOK_SECRET})
 * @param webhookRetryFor how long a failing delivery is retried before it is given up
 * @param settleDelay   how long bank debits stay {@code processing} and payouts {@code pending}
 * @param stateFile     where objects, idempotency keys and events are kept across restarts
 *                      ({@code STRIPE_EMULATOR_STATE_FILE}); blank: in memory only
 */
@Validated
@ConfigurationProperties("emulator")
public record EmulatorProperties(
        @NotBlank String secretKey,
        @NotBlank String webhookUrl,
        @NotBlank String webhookSecret,
        @NotNull Duration webhookRetryFor,
        @NotNull Duration settleDelay,
        String stateFile) {
}
