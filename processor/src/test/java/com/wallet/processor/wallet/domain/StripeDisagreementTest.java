package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeDisagreementTest {

    @Test
    void agreesWhenPaymentIntentAmountAndCurrencyMatchTheRecord() {
        assertThat(StripeDisagreement.forSettlement("pi_1", 500, "USD", "pi_1", 500, "usd")).isEmpty();
    }

    @Test
    void takesThePaymentIntentFoundByMetadataWhenNoneWasRecorded() {
        assertThat(StripeDisagreement.forSettlement(null, 500, "USD", "pi_1", 500, "usd")).isEmpty();
    }

    @Test
    void namesEveryFieldThatDiffers() {
        assertThat(StripeDisagreement.forSettlement("pi_1", 500, "USD", "pi_2", 5_000, "eur")).containsExactly(
                new StripeDisagreement(StripeDisagreement.Field.PAYMENT_INTENT, "pi_1", "pi_2"),
                new StripeDisagreement(StripeDisagreement.Field.AMOUNT, "500", "5000"),
                new StripeDisagreement(StripeDisagreement.Field.CURRENCY, "USD", "EUR"));
    }

    @Test
    void comparesNoCurrencyWhenTheSourceGivesNone() {
        assertThat(StripeDisagreement.forSettlement("pi_1", 500, "USD", "pi_1", 500, null)).isEmpty();
    }
}
