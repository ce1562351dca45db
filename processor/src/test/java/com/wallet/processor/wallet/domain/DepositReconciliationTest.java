package com.wallet.processor.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.messaging.FailureReason;
import com.wallet.processor.wallet.domain.DepositReconciliation.Action;
import com.wallet.processor.wallet.domain.DepositReconciliation.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DepositReconciliationTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration YOUNG = Duration.ofMinutes(1);
    private static final Duration OLD = Duration.ofMinutes(11);

    private static Decision intent(String status, String lastError, Duration age) {
        return DepositReconciliation.forPaymentIntent(status, lastError, age, TIMEOUT);
    }

    @Test
    void settlesASucceededPaymentIntent() {
        assertThat(intent("succeeded", null, YOUNG)).isEqualTo(new Decision(Action.SETTLE, null));
        assertThat(intent("succeeded", null, OLD).action()).isEqualTo(Action.SETTLE);
    }

    @Test
    void failsADeclinedPaymentIntentCardDeclined() {
        assertThat(intent("requires_payment_method", "card_declined", YOUNG))
                .isEqualTo(new Decision(Action.FAIL, FailureReason.CARD_DECLINED));
    }

    @Test
    void failsAPaymentIntentThatNeedsAnotherMethodForOtherReasonsPaymentFailed() {
        assertThat(intent("requires_payment_method", "processing_error", YOUNG))
                .isEqualTo(new Decision(Action.FAIL, FailureReason.PAYMENT_FAILED));
        assertThat(intent("requires_payment_method", null, YOUNG).reason()).isEqualTo(FailureReason.PAYMENT_FAILED);
    }

    @Test
    void failsACanceledPaymentIntent() {
        assertThat(intent("canceled", null, YOUNG)).isEqualTo(new Decision(Action.FAIL, FailureReason.PAYMENT_FAILED));
        assertThat(intent("canceled", "card_declined", YOUNG).reason()).isEqualTo(FailureReason.CARD_DECLINED);
    }

    @Test
    void waitsForAuthenticationUntilTheTimeoutThenCancels() {
        assertThat(intent("requires_action", null, YOUNG).action()).isEqualTo(Action.WAIT);
        assertThat(intent("requires_action", null, TIMEOUT.minusSeconds(1)).action()).isEqualTo(Action.WAIT);
        assertThat(intent("requires_action", null, TIMEOUT).action()).isEqualTo(Action.CANCEL);
        assertThat(intent("requires_action", null, OLD)).isEqualTo(new Decision(Action.CANCEL, null));
    }

    @Test
    void keepsWaitingForAProcessingOrUnknownPaymentIntent() {
        assertThat(intent("processing", null, OLD).action()).isEqualTo(Action.WAIT);
        assertThat(intent("requires_capture", null, OLD).action()).isEqualTo(Action.WAIT);
        assertThat(intent(null, null, OLD).action()).isEqualTo(Action.WAIT);
    }

    @Test
    void retriesAnUncertainPaymentUntilItGivesUp() {
        assertThat(DepositReconciliation.afterUncertainPayment(YOUNG, TIMEOUT).action()).isEqualTo(Action.WAIT);
        assertThat(DepositReconciliation.afterUncertainPayment(OLD, TIMEOUT))
                .isEqualTo(new Decision(Action.FAIL, FailureReason.PAYMENT_FAILED));
    }

    @Test
    void failsADepositWhosePaymentIntentStripeDoesNotKnowOnlyAfterTheTimeout() {
        assertThat(DepositReconciliation.forMissingPaymentIntent(YOUNG, TIMEOUT).action()).isEqualTo(Action.WAIT);
        assertThat(DepositReconciliation.forMissingPaymentIntent(OLD, TIMEOUT))
                .isEqualTo(new Decision(Action.FAIL, FailureReason.PAYMENT_FAILED));
        assertThat(DepositReconciliation.forMissingPaymentIntent(TIMEOUT, TIMEOUT).action()).isEqualTo(Action.FAIL);
    }
}
