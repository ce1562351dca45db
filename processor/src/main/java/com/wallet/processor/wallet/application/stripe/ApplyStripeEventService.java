package com.wallet.processor.wallet.application.stripe;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.deposit.DepositStripeEvents;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.withdrawal.WithdrawalStripeEvents;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one verified Stripe event (stripe.events), each event id at most once, under the wallet
 * lock and in one database transaction. Events may arrive in any order and before the processor
 * recorded the PaymentIntent id: the transaction is found by metadata transaction_id first, and
 * every status change is conditional, so a late or repeated event changes nothing. An event of a
 * handled type that matches no transaction is retried for a while, then dead-lettered
 * ({@link UnmatchedStripeEventException}); other event types are recorded without effect. What an
 * event does is the deposit's or the withdrawal's ({@link DepositStripeEvents},
 * {@link WithdrawalStripeEvents}); which transaction it names and whether its id was seen is
 * {@link ReceivedStripeEvents}'.
 *
 * <ul>
 *   <li>payment_intent.succeeded: PENDING/PROCESSING deposit -> COMPLETED, wallet +a, clearing -a.</li>
 *   <li>payment_intent.payment_failed: PENDING/PROCESSING deposit -> FAILED (CARD_DECLINED or PAYMENT_FAILED);
 *       after succeeded it does nothing.</li>
 *   <li>transfer.created: a PROCESSING withdrawal (found by metadata transaction_id) whose amount and
 *       currency agree -> COMPLETED with the transfer id (the reconciler's answer, earlier).</li>
 *   <li>transfer.reversed (cumulative amount_reversed: only the increase is credited back): all of it
 *       -> REVERSED; part of it -> the status stays, the partial credit is posted with a movement event.</li>
 *   <li>charge.refunded (cumulative amount_refunded), charge.dispute.created, charge.dispute.closed
 *       (won or lost) and charge.dispute.funds_reinstated: the deposit feature records what
 *       Stripe says and posts the difference: refunds and disputes net against each other and
 *       never take back more than was deposited, a dispute won gives its money back once, never
 *       below zero (the rest is a shortfall). The status is unchanged; each movement is a
 *       wallet.transactions event with its postings.</li>
 * </ul>
 */
public class ApplyStripeEventService {

    private final ReceivedStripeEvents events;
    private final WalletTransactions work;
    private final DepositStripeEvents deposits;
    private final WithdrawalStripeEvents withdrawals;

    ApplyStripeEventService(ReceivedStripeEvents events, WalletTransactions work, DepositStripeEvents deposits,
                            WithdrawalStripeEvents withdrawals) {
        this.events = events;
        this.work = work;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
    }

    public Outcome apply(StripeEventMessage event) {
        if (event == null || event.eventId() == null || event.type() == null) {
            throw new IllegalArgumentException("stripe event without id or type");
        }
        Optional<TransactionRecord> target = events.target(event);
        Outcome outcome;
        if (target.isEmpty()) {
            // An event type settlement does not use (transfer.created, payout.paid, ...): recorded, no effect.
            outcome = work.inTransaction(() -> events.first(event) ? Outcome.IGNORED : Outcome.DUPLICATE);
        } else {
            outcome = work.underLock(target.get().walletId(), () -> applyInTransaction(event, target.get().id()));
        }
        return events.counted(event, outcome);
    }

    private Outcome applyInTransaction(StripeEventMessage event, UUID transactionId) {
        if (!events.first(event)) {
            return Outcome.DUPLICATE;
        }
        TransactionRecord tx = events.current(transactionId);
        return switch (event.type()) {
            case "payment_intent.succeeded" -> deposits.succeeded(tx, event);
            case "payment_intent.payment_failed" -> deposits.failed(tx, event);
            case "transfer.created" -> withdrawals.transferCreated(tx, event);
            case "transfer.reversed" -> withdrawals.transferReversed(tx, event);
            case "charge.refunded", "charge.dispute.created", "charge.dispute.closed", "charge.dispute.funds_reinstated" ->
                    deposits.chargedBack(tx, event);
            default -> Outcome.IGNORED;
        };
    }
}
