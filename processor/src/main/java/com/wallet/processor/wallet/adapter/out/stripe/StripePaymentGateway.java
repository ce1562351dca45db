package com.wallet.processor.wallet.adapter.out.stripe;

import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.port.PaymentGateway;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe through one {@link StripeClient}: network errors, 409 and 5xx are retried by stripe-java
 * ({@code maxNetworkRetries}); a plain 429 is retried here with a bounded exponential backoff.
 * Every call carries an idempotency key derived from the transaction id, so retries and
 * redeliveries are the same request to Stripe.
 */
class StripePaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

    private final StripeClient stripe;
    private final int rateLimitRetries;
    private final Duration rateLimitBackoff;

    StripePaymentGateway(StripeClient stripe, int rateLimitRetries, Duration rateLimitBackoff) {
        this.stripe = stripe;
        this.rateLimitRetries = rateLimitRetries;
        this.rateLimitBackoff = rateLimitBackoff;
    }

    @Override
    public PaymentResult createPayment(DepositPayment payment) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(payment.amount())
                .setCurrency(payment.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(payment.paymentMethod())
                .setConfirm(true)
                .putMetadata("wallet_id", payment.walletId().toString())
                .putMetadata("transaction_id", payment.transactionId().toString())
                .putAllMetadata(requestIdMetadata(payment.requestId()))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(payment.idempotencyKey()).build();
        log.info("deposit {}: creating PaymentIntent, idempotency key {}, request {}", payment.transactionId(),
                payment.idempotencyKey(), payment.requestId());
        try {
            PaymentIntent intent = withRateLimitRetries(() -> stripe.v1().paymentIntents().create(params, options));
            return new PaymentAccepted(intent.getId(), intent.getStatus(), customerAction(intent));
        } catch (CardException e) {
            String intentId = e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null
                    ? e.getStripeError().getPaymentIntent().getId() : null;
            log.info("deposit {} declined: {}", payment.transactionId(), e.getCode());
            return new PaymentDeclined(intentId, e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode());
        } catch (StripeException e) {
            if (ambiguous(e)) {
                log.warn("deposit {} payment outcome unknown: {}", payment.transactionId(), describe(e));
                return new PaymentUncertain(describe(e));
            }
            return new PaymentFailed(describe(e));
        }
    }

    @Override
    public PaymentLookup retrievePayment(String paymentIntentId) {
        try {
            return found(withRateLimitRetries(() -> stripe.v1().paymentIntents().retrieve(paymentIntentId)));
        } catch (StripeException e) {
            return missing(e) ? new PaymentNotFound(paymentIntentId) : new PaymentLookupFailed(describe(e));
        }
    }

    @Override
    public PaymentLookup cancelPayment(String paymentIntentId, UUID transactionId) {
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(DepositPayment.cancelIdempotencyKey(transactionId)).build();
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build();
        try {
            return found(withRateLimitRetries(() -> stripe.v1().paymentIntents().cancel(paymentIntentId, params, options)));
        } catch (StripeException e) {
            return missing(e) ? new PaymentNotFound(paymentIntentId) : new PaymentLookupFailed(describe(e));
        }
    }

    /**
     * metadata request_id (contract 5: Stripe's webhook brings it back), only when the row has one:
     * the same key must always carry the same metadata, and rows from before it was kept never sent it.
     */
    static Map<String, String> requestIdMetadata(String requestId) {
        return requestId == null ? Map.of() : Map.of(RequestId.STRIPE_METADATA, requestId);
    }

    /** 3-D Secure: the client secret and next_action the customer's client needs; null otherwise. */
    private static CustomerAction customerAction(PaymentIntent intent) {
        if (!"requires_action".equals(intent.getStatus()) || intent.getClientSecret() == null) {
            return null;
        }
        Map<String, String> next = new LinkedHashMap<>();
        PaymentIntent.NextAction action = intent.getNextAction();
        next.put("type", action == null || action.getType() == null ? "use_stripe_sdk" : action.getType());
        if (action != null && action.getRedirectToUrl() != null && action.getRedirectToUrl().getUrl() != null) {
            next.put("redirectUrl", action.getRedirectToUrl().getUrl());
        }
        return new CustomerAction(intent.getClientSecret(), next);
    }

    private static PaymentFound found(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        String code = error == null ? null : error.getCode() != null ? error.getCode() : error.getDeclineCode();
        return new PaymentFound(intent.getId(), intent.getStatus(), intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getCurrency(), code);
    }

    /**
     * Whether Stripe answered that the object does not exist: a 404 invalid_request_error with code
     * resource_missing. Any other failure (a 404 from something that is not Stripe included) says nothing.
     */
    static boolean missing(StripeException e) {
        return e instanceof InvalidRequestException && Integer.valueOf(404).equals(e.getStatusCode())
                && "resource_missing".equals(e.getCode());
    }

    /**
     * Whether Stripe may have done the work although the call failed: no answer at all, a 5xx, 409
     * (the same key still in flight) or 429. Other 4xx answers are definitive: nothing was done.
     */
    static boolean ambiguous(StripeException e) {
        if (e instanceof ApiConnectionException || e instanceof RateLimitException) {
            return true;
        }
        Integer status = e.getStatusCode();
        return status == null || status >= 500 || status == 409 || status == 429;
    }

    /**
     * A payout failure is definitive only when Stripe answered a 4xx other than 409 and 429, and
     * not idempotency_error: that one says a first request with this key exists (e.g. created
     * before transfer_group was sent), so a Transfer may exist.
     */
    static boolean payoutAmbiguous(StripeException e) {
        return ambiguous(e) || e instanceof IdempotencyException;
    }

    @Override
    public PayoutResult createPayout(Payout payout) {
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(payout.amount())
                .setCurrency(payout.currency().toLowerCase(Locale.ROOT))
                .setDestination(payout.destination())
                .setTransferGroup(payout.transactionId().toString())
                .putMetadata("wallet_id", payout.walletId().toString())
                .putMetadata("transaction_id", payout.transactionId().toString())
                .putAllMetadata(requestIdMetadata(payout.requestId()))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(payout.idempotencyKey()).build();
        log.info("withdrawal {}: creating Transfer, idempotency key {}, request {}", payout.transactionId(),
                payout.idempotencyKey(), payout.requestId());
        try {
            Transfer transfer = withRateLimitRetries(() -> stripe.v1().transfers().create(params, options));
            return new PayoutCreated(transfer.getId());
        } catch (StripeException e) {
            if (payoutAmbiguous(e)) {
                log.warn("withdrawal {} payout outcome unknown: {}", payout.transactionId(), describe(e));
                return new PayoutAmbiguous(describe(e));
            }
            return new PayoutRefused(describe(e));
        }
    }

    @Override
    public TransferLookup retrieveTransfer(String transferId) {
        try {
            return found(withRateLimitRetries(() -> stripe.v1().transfers().retrieve(transferId)));
        } catch (StripeException e) {
            return missing(e) ? new TransferNotFound() : new TransferLookupFailed(describe(e));
        }
    }

    @Override
    public TransferLookup findTransfer(UUID transactionId) {
        TransferListParams params = TransferListParams.builder()
                .setTransferGroup(transactionId.toString()).setLimit(10L).build();
        try {
            List<Transfer> transfers = withRateLimitRetries(() -> stripe.v1().transfers().list(params)).getData()
                    .stream()
                    .filter(t -> t.getMetadata() != null
                            && transactionId.toString().equals(t.getMetadata().get("transaction_id")))
                    .toList();
            if (transfers.isEmpty()) {
                return new TransferNotFound();
            }
            if (transfers.size() > 1) {
                // Paid out more than once: an operator must recover the extra Transfers.
                log.error("withdrawal {} has {} Transfers at Stripe", transactionId, transfers.size());
            }
            return found(transfers.get(transfers.size() - 1)); // the oldest: listed newest first
        } catch (StripeException e) {
            return new TransferLookupFailed(describe(e));
        }
    }

    private static TransferFound found(Transfer transfer) {
        return new TransferFound(transfer.getId(), transfer.getAmount() == null ? 0 : transfer.getAmount(),
                transfer.getCurrency(), transfer.getAmountReversed() == null ? 0 : transfer.getAmountReversed());
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private <T> T withRateLimitRetries(StripeCall<T> call) throws StripeException {
        long backoff = rateLimitBackoff.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (RateLimitException e) {
                if (attempt >= rateLimitRetries) {
                    throw e;
                }
                log.info("Stripe answered 429; retry {} of {} in {} ms", attempt + 1, rateLimitRetries, backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void pause(long millis) throws StripeException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while backing off");
        }
    }

    /** Type, HTTP status and Stripe's error code only: messages can echo request data. */
    private static String describe(StripeException e) {
        return e.getClass().getSimpleName() + " status=" + e.getStatusCode() + " code=" + e.getCode();
    }
}
