package com.wallet.processor.wallet.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultDestination the connected account paid out to when a wallet has no stripe_account_id:
 *                           local mode only (application-local.yml, the emulator's account); unset
 *                           elsewhere, so a payout never goes to a built-in account, and such a
 *                           withdrawal fails PAYOUT_FAILED without calling Stripe (the gateway
 *                           refuses it up front)
 */
@ConfigurationProperties("wallet.stripe")
public record PayoutProperties(String defaultDestination) {

    public PayoutProperties {
        defaultDestination = defaultDestination == null || defaultDestination.isBlank() ? null : defaultDestination;
    }
}
