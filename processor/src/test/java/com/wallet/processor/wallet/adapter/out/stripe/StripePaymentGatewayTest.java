package com.wallet.processor.wallet.adapter.out.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import org.junit.jupiter.api.Test;

class StripePaymentGatewayTest {

    @Test
    void treatsNoAnswerServerErrorsInFlightKeysAndRateLimitsAsAmbiguous() {
        assertThat(StripePaymentGateway.ambiguous(new ApiConnectionException("timeout"))).isTrue();
        assertThat(StripePaymentGateway.ambiguous(new ApiException("boom", "req", null, 500, null))).isTrue();
        assertThat(StripePaymentGateway.ambiguous(new ApiException("boom", "req", null, 503, null))).isTrue();
        assertThat(StripePaymentGateway.ambiguous(new IdempotencyException("in use", "req", "idempotency_key_in_use", 409)))
                .isTrue();
        assertThat(StripePaymentGateway.ambiguous(new RateLimitException("slow down", null, "req", null, 429, null)))
                .isTrue();
    }

    @Test
    void treatsOtherClientErrorsAsDefinitive() {
        assertThat(StripePaymentGateway.ambiguous(
                new InvalidRequestException("bad", "amount", "req", "parameter_invalid_integer", 400, null))).isFalse();
        assertThat(StripePaymentGateway.ambiguous(new IdempotencyException("other params", "req", null, 400))).isFalse();
        assertThat(StripePaymentGateway.ambiguous(new AuthenticationException("key", "req", null, 401))).isFalse();
    }

    @Test
    void treatsAPayoutRefusedOnlyWhenStripeDidNothing() {
        assertThat(StripePaymentGateway.payoutAmbiguous(
                new InvalidRequestException("No such destination", "destination", "req", "resource_missing", 400, null)))
                .isFalse();
        assertThat(StripePaymentGateway.payoutAmbiguous(new ApiException("boom", "req", null, 500, null))).isTrue();
        assertThat(StripePaymentGateway.payoutAmbiguous(new ApiConnectionException("timeout"))).isTrue();
        assertThat(StripePaymentGateway.payoutAmbiguous(new IdempotencyException("in use", "req", "idempotency_key_in_use", 409)))
                .isTrue();
        // the key was used first with other parameters: a Transfer may exist for it
        assertThat(StripePaymentGateway.payoutAmbiguous(new IdempotencyException("other params", "req", null, 400)))
                .isTrue();
    }

    @Test
    void takesOnlyStripesResourceMissingAsNotFound() {
        assertThat(StripePaymentGateway.missing(
                new InvalidRequestException("No such payment_intent", "id", "req", "resource_missing", 404, null))).isTrue();
        assertThat(StripePaymentGateway.missing(new ApiException("not found", "req", null, 404, null))).isFalse();
        assertThat(StripePaymentGateway.missing(
                new InvalidRequestException("No such destination", "destination", "req", "resource_missing", 400, null)))
                .isFalse();
        assertThat(StripePaymentGateway.missing(new ApiException("boom", "req", null, 500, null))).isFalse();
        assertThat(StripePaymentGateway.missing(new ApiConnectionException("timeout"))).isFalse();
    }
}
