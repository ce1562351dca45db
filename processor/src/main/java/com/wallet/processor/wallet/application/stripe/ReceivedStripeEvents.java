package com.wallet.processor.wallet.application.stripe;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Stripe side of the event path: which transaction a verified event names (metadata
 * transaction_id first, then the PaymentIntent, then the Transfer: an event may arrive before the
 * processor recorded either), each event id applied at most once (processed_stripe_events), and
 * what each did (wallet.stripe.events.processed).
 */
class ReceivedStripeEvents {

    private static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "transfer.created", "transfer.reversed", "charge.refunded", "charge.dispute.created",
            "charge.dispute.closed", "charge.dispute.funds_reinstated");

    private final ProcessedStripeEvents processed;
    private final Transactions transactions;
    private final MeterRegistry meters;

    ReceivedStripeEvents(ProcessedStripeEvents processed, Transactions transactions, MeterRegistry meters) {
        this.processed = processed;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * The transaction a handled event type names; empty for a type settlement does not use.
     *
     * @throws UnmatchedStripeEventException a handled type that matches no transaction (retried, then dead-lettered)
     */
    Optional<TransactionRecord> target(StripeEventMessage event) {
        if (!HANDLED.contains(event.type())) {
            return Optional.empty();
        }
        Optional<TransactionRecord> target = findTransaction(event);
        if (target.isEmpty()) {
            throw new UnmatchedStripeEventException("stripe event " + event.eventId() + " " + event.type()
                    + " matches no transaction");
        }
        return target;
    }

    /** Marks the event id processed, in the caller's transaction: false when it was before (a redelivery). */
    boolean first(StripeEventMessage event) {
        return processed.markProcessed(event.eventId(), event.type());
    }

    /** The target's row as it is now, under the wallet lock. */
    TransactionRecord current(UUID transactionId) {
        return transactions.find(transactionId).orElseThrow();
    }

    Outcome counted(StripeEventMessage event, Outcome outcome) {
        Counter.builder("wallet.stripe.events.processed").tag("type", event.type()).tag("outcome", outcome.name())
                .register(meters).increment();
        return outcome;
    }

    private Optional<TransactionRecord> findTransaction(StripeEventMessage event) {
        UUID byMetadata = parseUuid(event.transactionId());
        if (byMetadata != null) {
            Optional<TransactionRecord> found = transactions.find(byMetadata);
            if (found.isPresent()) {
                return found;
            }
        }
        if (event.paymentIntentId() != null) {
            Optional<TransactionRecord> found = transactions.findByPaymentIntent(event.paymentIntentId());
            if (found.isPresent()) {
                return found;
            }
        }
        if (event.type().startsWith("transfer.") && event.objectId() != null) {
            return transactions.findByStripeTransfer(event.objectId());
        }
        return Optional.empty();
    }

    private static UUID parseUuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
