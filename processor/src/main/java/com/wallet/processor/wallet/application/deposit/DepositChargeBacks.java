package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.StripeChargeBacks;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds and disputes of a deposit (contract section 7), inside the caller's database transaction
 * and under the wallet lock. An event only records what Stripe says ({@link StripeChargeBacks});
 * {@link ChargeBackPostings} then moves the difference between what those facts owe and what the
 * ledger already took back. A refund or dispute seen before the deposit settled moves nothing
 * until the settlement, which then nets it (no shortfall plus a full credit).
 */
class DepositChargeBacks {

    private static final Logger log = LoggerFactory.getLogger(DepositChargeBacks.class);

    private final StripeChargeBacks claims;
    private final StripeDisagreements disagreements;
    private final ChargeBackPostings postings;

    DepositChargeBacks(StripeChargeBacks claims, StripeDisagreements disagreements, ChargeBackPostings postings) {
        this.claims = claims;
        this.disagreements = disagreements;
        this.postings = postings;
    }

    /** charge.refunded, charge.dispute.created, charge.dispute.closed, charge.dispute.funds_reinstated. */
    Outcome apply(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.DEPOSIT || disagrees(tx, event)) {
            return Outcome.IGNORED;
        }
        switch (event.type()) {
            case "charge.refunded" -> claims.refunded(tx.id(), event.objectId(), event.amount());
            case "charge.dispute.created" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    StripeChargeBacks.DisputeState.OPEN);
            case "charge.dispute.closed" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    "won".equals(event.objectStatus()) ? StripeChargeBacks.DisputeState.WON
                            : "lost".equals(event.objectStatus()) ? StripeChargeBacks.DisputeState.LOST
                            : StripeChargeBacks.DisputeState.OPEN);
            case "charge.dispute.funds_reinstated" -> claims.disputed(tx.id(), event.objectId(), event.amount(),
                    StripeChargeBacks.DisputeState.WON);
            default -> throw new IllegalArgumentException("not a charge-back event: " + event.type());
        }
        return postings.post(tx, event.eventId()) ? Outcome.COMPLETED : Outcome.IGNORED;
    }

    /** Another PaymentIntent or currency than the deposit's: nothing moves, an operator looks. */
    private boolean disagrees(TransactionRecord tx, StripeEventMessage event) {
        StripeDisagreement disagreement = null;
        if (tx.stripePaymentIntentId() != null && event.paymentIntentId() != null
                && !tx.stripePaymentIntentId().equals(event.paymentIntentId())) {
            disagreement = new StripeDisagreement(StripeDisagreement.Field.PAYMENT_INTENT, tx.stripePaymentIntentId(),
                    event.paymentIntentId());
        } else if (event.currency() != null && !event.currency().equalsIgnoreCase(tx.currency())) {
            disagreement = new StripeDisagreement(StripeDisagreement.Field.CURRENCY, tx.currency(),
                    event.currency().toUpperCase());
        }
        if (disagreement == null) {
            return false;
        }
        disagreements.record(tx.id(), event.objectId(), event.eventId(), disagreement);
        log.error("{} {} disagrees with deposit {} ({}): nothing moved, kept for an operator", event.type(),
                event.eventId(), tx.id(), disagreement.field());
        return true;
    }
}
