package com.wallet.processor.wallet.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the transactions the gateway created, read by id or by the Stripe object recorded on them.
 * Status changes go through {@link LedgerTransitions} only; what the processor records of Stripe
 * through {@link StripeRecords}; the reconcilers' queue is {@link TransactionsAwaitingStripe}.
 */
public interface Transactions {

    Optional<TransactionRecord> find(UUID id);

    Optional<TransactionRecord> findByPaymentIntent(String paymentIntentId);

    Optional<TransactionRecord> findByStripeTransfer(String transferId);
}
