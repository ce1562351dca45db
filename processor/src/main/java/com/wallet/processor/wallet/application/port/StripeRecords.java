package com.wallet.processor.wallet.application.port;

import java.util.Map;
import java.util.UUID;

/**
 * Port: what the processor records of Stripe on a transaction's row beside its status (which
 * changes through {@link LedgerTransitions} only). Each write is conditional and its row count the
 * answer.
 */
public interface StripeRecords {

    /** Records the PaymentIntent id where none is recorded yet. */
    boolean recordPaymentIntent(UUID id, String paymentIntentId);

    /**
     * Keeps what the customer needs to finish 3-D Secure in the transaction's metadata while it is
     * PROCESSING: {@code nextAction} in clear, the client secret sealed (the gateway opens it for the owner).
     */
    boolean recordCustomerAction(UUID id, Map<String, String> nextAction, String sealedClientSecret);
}
