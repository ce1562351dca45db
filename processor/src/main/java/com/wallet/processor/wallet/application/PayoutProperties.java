package com.wallet.processor.wallet.application;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param defaultDestination the connected account paid out to when a wallet has no stripe_account_id */
@Validated
@ConfigurationProperties("wallet.stripe")
public record PayoutProperties(@DefaultValue("acct_local_payouts") @NotBlank String defaultDestination) {
}
