package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.WalletRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a verified Stripe event does to a deposit, inside the caller's database transaction and
 * under the wallet lock: the deposit feature's one entry for the Stripe events (the rest of it
 * stays inside this package). Every change is conditional, so a late or repeated event changes
 * nothing.
 */
public class DepositStripeEvents {

    private static final Logger log = LoggerFactory.getLogger(DepositStripeEvents.class);

    private final DepositOutcomes outcomes;
    private final DepositChargeBacks chargeBacks;

    DepositStripeEvents(DepositOutcomes outcomes, DepositChargeBacks chargeBacks) {
        this.outcomes = outcomes;
        this.chargeBacks = chargeBacks;
    }

    /** payment_intent.succeeded: PENDING/PROCESSING deposit -> COMPLETED, wallet +a, clearing -a. */
    public Outcome succeeded(TransactionRecord tx, StripeEventMessage event) {
        Outcome outcome = outcomes.settle(tx, new DepositSettlement.Charged(event.paymentIntentId(), event.amount(),
                event.currency(), event.eventId()), "event " + event.eventId());
        if (outcome == Outcome.IGNORED && tx.type() == TransactionType.DEPOSIT && tx.status() == TransactionStatus.FAILED) {
            // Charged at Stripe but FAILED here (e.g. given up after ambiguous failures): an operator must refund.
            log.error("payment_intent.succeeded {} for deposit {} that is FAILED: charged but not credited",
                    event.eventId(), tx.id());
        }
        return outcome;
    }

    /** payment_intent.payment_failed: PENDING/PROCESSING deposit -> FAILED; after succeeded it does nothing. */
    public Outcome failed(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.DEPOSIT) {
            return Outcome.IGNORED;
        }
        return outcomes.failedAtStripe(tx, WalletRules.paymentFailureReason(event.failureCode()), event.paymentIntentId());
    }

    /** charge.refunded, charge.dispute.created, charge.dispute.closed, charge.dispute.funds_reinstated. */
    public Outcome chargedBack(TransactionRecord tx, StripeEventMessage event) {
        return chargeBacks.apply(tx, event);
    }
}
