package com.wallet.processor.wallet.adapter.out.stripe;

import com.wallet.processor.wallet.application.port.PaymentGateway;

import com.wallet.processor.wallet.application.port.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * wallet.stripe.requests{endpoint, outcome}: the latency of every Stripe call the processor makes
 * (retries included, as the caller waits for them) and what came of it. Outcomes: ok, declined,
 * not_found, refused (Stripe answered no), failed, uncertain (no usable answer), error (an exception).
 */
class MeteredPaymentGateway implements PaymentGateway {

    static final String METRIC = "wallet.stripe.requests";

    private final PaymentGateway stripe;
    private final MeterRegistry meters;

    MeteredPaymentGateway(PaymentGateway stripe, MeterRegistry meters) {
        this.stripe = stripe;
        this.meters = meters;
    }

    @Override
    public PaymentResult createPayment(DepositPayment payment) {
        return timed("payment_intents.create", () -> stripe.createPayment(payment));
    }

    @Override
    public PaymentLookup retrievePayment(String paymentIntentId) {
        return timed("payment_intents.retrieve", () -> stripe.retrievePayment(paymentIntentId));
    }

    @Override
    public PaymentLookup cancelPayment(String paymentIntentId, UUID transactionId) {
        return timed("payment_intents.cancel", () -> stripe.cancelPayment(paymentIntentId, transactionId));
    }

    @Override
    public PayoutResult createPayout(Payout payout) {
        return timed("transfers.create", () -> stripe.createPayout(payout));
    }

    @Override
    public TransferLookup retrieveTransfer(String transferId) {
        return timed("transfers.retrieve", () -> stripe.retrieveTransfer(transferId));
    }

    @Override
    public TransferLookup findTransfer(UUID transactionId) {
        return timed("transfers.list", () -> stripe.findTransfer(transactionId));
    }

    private <T> T timed(String endpoint, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = outcome(result);
            return result;
        } finally {
            Timer.builder(METRIC).tag("endpoint", endpoint).tag("outcome", outcome)
                    .description("Stripe API calls").register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    static String outcome(Object result) {
        if (result instanceof PaymentAccepted || result instanceof PaymentFound || result instanceof PayoutCreated
                || result instanceof TransferFound) {
            return "ok";
        }
        if (result instanceof PaymentDeclined) {
            return "declined";
        }
        if (result instanceof PaymentNotFound || result instanceof TransferNotFound) {
            return "not_found";
        }
        if (result instanceof PayoutRefused) {
            return "refused";
        }
        if (result instanceof PaymentUncertain || result instanceof PayoutAmbiguous) {
            return "uncertain";
        }
        return "failed"; // PaymentFailed, PaymentLookupFailed, TransferLookupFailed
    }
}
