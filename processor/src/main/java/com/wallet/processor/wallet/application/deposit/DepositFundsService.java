package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.processor.wallet.application.CommandRows;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deposit (contract section 7): PENDING -> PROCESSING in a short transaction, then the
 * PaymentIntent is created and confirmed outside any transaction, with the idempotency key
 * "deposit-&lt;txId&gt;": on the thread of {@link StripeCalls} when the command comes from Kafka
 * ({@link #start}), so a slow Stripe holds up no other record. The wallet is credited only by the
 * verified payment_intent.succeeded event.
 *
 * <p>The transaction status, not only processed_commands, is the idempotency here: a redelivered
 * command whose transaction is still PROCESSING retrieves its recorded PaymentIntent, or, when
 * none is recorded (the first answer was lost), calls Stripe again with the same key. No wallet lock: nothing here changes a balance, and every
 * status change is conditional. A wallet frozen since the gateway accepted the deposit ends it
 * FAILED WALLET_INACTIVE before any card is charged. An ambiguous Stripe failure (no answer, 5xx,
 * 409, 429 after retries) leaves the deposit PROCESSING: Stripe may have charged the card, so only
 * {@link ReconcileDepositsService}, asking again with the same key, may end it.
 */
public class DepositFundsService {

    private static final Logger log = LoggerFactory.getLogger(DepositFundsService.class);

    private final WalletTransactions work;
    private final CommandRows rows;
    private final DepositPayments payments;
    private final DepositOutcomes outcomes;

    DepositFundsService(WalletTransactions work, CommandRows rows, DepositPayments payments, DepositOutcomes outcomes) {
        this.work = work;
        this.rows = rows;
        this.payments = payments;
        this.outcomes = outcomes;
    }

    /** The whole deposit on this thread, Stripe call included. */
    public Outcome deposit(DepositFunds command) {
        return start(command).run();
    }

    /**
     * The deposit's database transaction (PENDING -> PROCESSING, committed when this returns) and
     * what is left to ask Stripe, for {@link StripeCalls} to run off the listener thread.
     */
    public StripeCall start(DepositFunds command) {
        TransactionRecord tx = work.inTransaction(() -> begin(command));
        if (tx == null) {
            return StripeCall.none(Outcome.IGNORED);
        }
        if (tx.stripePaymentIntentId() != null) {
            return StripeCall.of(tx, () -> lookUp(tx));
        }
        String paymentMethod = payments.paymentMethod(tx, command); // opened here: a sealed value that fails is the command's error
        return StripeCall.of(tx, () -> charge(tx, paymentMethod));
    }

    private Outcome charge(TransactionRecord tx, String paymentMethod) {
        TransactionRecord now = rows.current(tx);
        if (now.status() != TransactionStatus.PROCESSING || now.stripePaymentIntentId() != null) {
            // the call waited its turn and the reconciler (or a redelivery) has asked Stripe meanwhile
            log.info("deposit {} is {} with payment intent {} by now: not charged again", tx.id(), now.status(),
                    now.stripePaymentIntentId());
            return Outcome.IGNORED;
        }
        PaymentGateway.PaymentResult result = payments.create(tx, paymentMethod);
        return work.inTransaction(() -> outcomes.record(tx, result));
    }

    /**
     * A redelivered command whose PaymentIntent is recorded: retrieved, never created again (after
     * Stripe's 24 h key expiry a create would charge twice). It stays PROCESSING: the succeeded
     * event or the reconciler settles it, under the wallet lock.
     */
    private Outcome lookUp(TransactionRecord tx) {
        PaymentGateway.PaymentLookup lookup = payments.retrieve(tx);
        log.info("deposit {} redelivered with payment intent {} recorded: {}", tx.id(), tx.stripePaymentIntentId(),
                lookup instanceof PaymentGateway.PaymentFound found ? found.status() : "not retrieved");
        return Outcome.PROCESSING;
    }

    /** @return the transaction to charge, or null when it already reached a final status */
    private TransactionRecord begin(DepositFunds command) {
        TransactionRecord tx = rows.claim(command).row();
        if (tx.status() == TransactionStatus.PENDING) {
            if (!outcomes.walletActive(tx)) {
                // Frozen (or gone) since the gateway accepted it: do not charge the card.
                outcomes.walletInactive(tx);
                return null;
            }
            outcomes.processing(tx);
            return tx;
        }
        return tx.status() == TransactionStatus.PROCESSING ? tx : null;
    }
}
