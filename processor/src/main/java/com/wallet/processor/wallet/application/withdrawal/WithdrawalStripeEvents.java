package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a verified Stripe event does to a withdrawal, inside the caller's database transaction and
 * under the wallet lock: the withdrawal feature's one entry for the Stripe events (its outcomes
 * stay inside this package). Every change is conditional, so a late or repeated event changes nothing.
 */
public class WithdrawalStripeEvents {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalStripeEvents.class);

    private final WithdrawalOutcomes outcomes;
    private final Transactions transactions;

    WithdrawalStripeEvents(WithdrawalOutcomes outcomes, Transactions transactions) {
        this.outcomes = outcomes;
        this.transactions = transactions;
    }

    /**
     * transfer.created: a PROCESSING withdrawal (found by metadata transaction_id) whose amount and
     * currency agree -> COMPLETED with the transfer id (the reconciler's answer, earlier; conditional: once).
     */
    public Outcome transferCreated(TransactionRecord tx, StripeEventMessage event) {
        if (!isPayoutOf(tx, event)) {
            return Outcome.IGNORED;
        }
        if (event.amount() != tx.amount()) {
            log.error("transfer.created {} for withdrawal {} has another amount: left for an operator",
                    event.eventId(), tx.id());
            return Outcome.IGNORED;
        }
        return outcomes.complete(tx, event.objectId(), "event " + event.eventId());
    }

    /**
     * transfer.reversed: credits back what was reversed, once: the event carries the Transfer's
     * cumulative amount_reversed, so only its increase over the WITHDRAWAL_REVERSAL postings so far
     * is credited (a late, smaller event credits nothing). All of it reversed: REVERSED; part of
     * it: the status stays, the partial credit is posted with a movement event.
     */
    public Outcome transferReversed(TransactionRecord tx, StripeEventMessage event) {
        if (!isPayoutOf(tx, event)) {
            return Outcome.IGNORED;
        }
        if (tx.status() == TransactionStatus.PROCESSING) {
            // The Transfer exists, so the withdrawal did pay out: complete it before crediting part of it back.
            outcomes.complete(tx, event.objectId(), "event " + event.eventId());
            tx = transactions.find(tx.id()).orElseThrow();
        }
        if (tx.status() != TransactionStatus.COMPLETED) {
            if (tx.status() == TransactionStatus.FAILED) {
                log.error("transfer.reversed {} for withdrawal {} that is FAILED (funds already restored)",
                        event.eventId(), tx.id());
            }
            return Outcome.IGNORED; // REVERSED: everything was credited back already
        }
        if (event.amount() > tx.amount()) {
            log.error("transfer.reversed {} reverses more than withdrawal {}: only its amount is credited",
                    event.eventId(), tx.id());
        }
        return outcomes.reversed(tx, event.objectId(), event.amount());
    }

    /** A withdrawal, the recorded Transfer (when one is recorded) and the same currency. */
    private static boolean isPayoutOf(TransactionRecord tx, StripeEventMessage event) {
        if (tx.type() != TransactionType.WITHDRAWAL) {
            return false;
        }
        boolean sameTransfer = tx.stripeTransferId() == null || tx.stripeTransferId().equals(event.objectId());
        boolean sameCurrency = event.currency() == null || event.currency().equalsIgnoreCase(tx.currency());
        if (!sameTransfer || !sameCurrency) {
            log.error("{} {} disagrees with withdrawal {} (transfer or currency): left for an operator",
                    event.type(), event.eventId(), tx.id());
            return false;
        }
        return true;
    }
}
