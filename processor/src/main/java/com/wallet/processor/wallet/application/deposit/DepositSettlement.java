package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.money.Money;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import com.wallet.processor.wallet.domain.Transition;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits a deposit whose PaymentIntent succeeded: the one code path of payment_intent.succeeded
 * and of the reconciler. Runs inside the caller's database transaction (under the wallet lock).
 * The status change is conditional (PENDING/PROCESSING -> COMPLETED, and only for the recorded
 * PaymentIntent), so whichever of the event and the reconciler comes second changes nothing: the
 * wallet is credited once.
 *
 * <p>Refunds and disputes already reported for it are taken back in the same transaction
 * ({@link ChargeBackPostings}), so one that arrived before the deposit succeeded nets against it.
 *
 * <p>What Stripe reports is checked against our own record first (contract section 7): another
 * PaymentIntent, amount or currency credits nothing, is kept in stripe_disagreements for an
 * operator, and leaves the deposit open (the reconciler still asks Stripe about the recorded one).
 */
class DepositSettlement {

    private static final Logger log = LoggerFactory.getLogger(DepositSettlement.class);

    private final LedgerTransitions ledger;
    private final StripeDisagreements disagreements;
    private final ChargeBackPostings chargeBacks;

    DepositSettlement(LedgerTransitions ledger, StripeDisagreements disagreements, ChargeBackPostings chargeBacks) {
        this.chargeBacks = chargeBacks;
        this.ledger = ledger;
        this.disagreements = disagreements;
    }

    /**
     * What Stripe says was charged.
     *
     * @param currency null when the source does not say (then it is not compared)
     * @param eventId  the Stripe event, or null when the reconciler retrieved the PaymentIntent
     */
    record Charged(String paymentIntentId, long amount, String currency, String eventId) {
    }

    /** @return COMPLETED when this call settled it, IGNORED when it was not an open deposit or Stripe disagreed */
    Outcome settle(TransactionRecord tx, Charged charged, String source) {
        if (tx.type() != TransactionType.DEPOSIT) {
            return Outcome.IGNORED;
        }
        List<StripeDisagreement> disagreeing = StripeDisagreement.forSettlement(tx.stripePaymentIntentId(), tx.amount(),
                tx.currency(), charged.paymentIntentId(), charged.amount(), charged.currency());
        if (!disagreeing.isEmpty()) {
            if (tx.status() == TransactionStatus.PENDING || tx.status() == TransactionStatus.PROCESSING) {
                disagreeing.forEach(d -> disagreements.record(tx.id(), charged.paymentIntentId(), charged.eventId(), d));
                log.error("deposit {}: {} reports {} that disagree with the record; nothing credited, kept for an operator",
                        tx.id(), source, disagreeing.stream().map(d -> d.field().name()).toList());
            }
            return Outcome.IGNORED;
        }
        Transition settled = Transition.depositSettled(tx.id(), tx.walletId(), Money.of(tx.amount(), tx.currency()),
                charged.paymentIntentId());
        if (!ledger.applyIfCurrent(new LedgerTransitions.Change(tx, settled))) {
            return Outcome.IGNORED;
        }
        log.info("deposit {} COMPLETED by {}", tx.id(), source);
        // A refund or dispute Stripe reported before this settlement is netted now, in the same transaction;
        // its event follows the COMPLETED one, so it reports COMPLETED, not the status read before.
        chargeBacks.settled(tx.settled(charged.paymentIntentId()), charged.eventId());
        return Outcome.COMPLETED;
    }
}
