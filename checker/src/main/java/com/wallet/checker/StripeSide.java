package com.wallet.checker;

import java.util.List;

/**
 * Port: what Stripe holds. Locally the emulator's object store ({@link EmulatorStripeSide}), in
 * production the Stripe API ({@link StripeApiSide}).
 */
interface StripeSide {

    StripeObjects read();

    /** Currencies are lower case, as Stripe reports them. Metadata values may be null. */
    record StripeObjects(List<PaymentIntent> paymentIntents, List<Charge> charges, List<Transfer> transfers) {

        public StripeObjects {
            paymentIntents = List.copyOf(paymentIntents);
            charges = List.copyOf(charges);
            transfers = List.copyOf(transfers);
        }

        static StripeObjects none() {
            return new StripeObjects(List.of(), List.of(), List.of());
        }
    }

    record PaymentIntent(String id, String status, long amount, long amountReceived, String currency,
                         String transactionId) {
    }

    record Charge(String id, String paymentIntentId, long amount, long amountRefunded, String currency) {
    }

    record Transfer(String id, long amount, long amountReversed, String currency, String transactionId) {
    }
}
