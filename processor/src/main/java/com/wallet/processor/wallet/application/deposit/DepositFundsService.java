package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.CommandChecks;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.ProcessedCommands;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final TransactionTemplate transaction;
    private final ProcessedCommands processed;
    private final Transactions transactions;
    private final LedgerTransitions ledger;
    private final PaymentGateway payments;
    private final FieldCipher cipher;
    private final DepositPaymentResults results;

    public DepositFundsService(TransactionTemplate transaction, ProcessedCommands processed, Transactions transactions,
                               LedgerTransitions ledger, PaymentGateway payments, FieldCipher cipher) {
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.ledger = ledger;
        this.payments = payments;
        this.cipher = cipher;
        this.results = new DepositPaymentResults(transactions, ledger, cipher);
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
        TransactionRecord tx = transaction.execute(status -> begin(command));
        if (tx == null) {
            return StripeCall.none(Outcome.IGNORED);
        }
        if (tx.stripePaymentIntentId() != null) {
            return StripeCall.of(tx, () -> lookUp(tx));
        }
        String paymentMethod = paymentMethod(tx, command); // opened here: a sealed value that fails is the command's error
        return StripeCall.of(tx, () -> charge(tx, paymentMethod));
    }

    private Outcome charge(TransactionRecord tx, String paymentMethod) {
        TransactionRecord now = transactions.find(tx.id()).orElse(tx);
        if (now.status() != TransactionStatus.PROCESSING || now.stripePaymentIntentId() != null) {
            // the call waited its turn and the reconciler (or a redelivery) has asked Stripe meanwhile
            log.info("deposit {} is {} with payment intent {} by now: not charged again", tx.id(), now.status(),
                    now.stripePaymentIntentId());
            return Outcome.IGNORED;
        }
        PaymentGateway.PaymentResult result = payments.createPayment(new PaymentGateway.DepositPayment(
                tx.id(), tx.walletId(), tx.amount(), tx.currency(), paymentMethod, tx.requestId()));
        return transaction.execute(status -> results.record(tx, result));
    }

    /**
     * A redelivered command whose PaymentIntent is recorded: retrieved, never created again (after
     * Stripe's 24 h key expiry a create would charge twice). It stays PROCESSING: the succeeded
     * event or the reconciler settles it, under the wallet lock.
     */
    private Outcome lookUp(TransactionRecord tx) {
        PaymentGateway.PaymentLookup lookup = payments.retrievePayment(tx.stripePaymentIntentId());
        log.info("deposit {} redelivered with payment intent {} recorded: {}", tx.id(), tx.stripePaymentIntentId(),
                lookup instanceof PaymentGateway.PaymentFound found ? found.status() : "not retrieved");
        return Outcome.PROCESSING;
    }

    /** @return the transaction to charge, or null when it already reached a final status */
    private TransactionRecord begin(DepositFunds command) {
        processed.markProcessed(command.transactionId());
        TransactionRecord tx = CommandChecks.requireMatchingRow(command, transactions);
        if (tx.status() == TransactionStatus.PENDING) {
            boolean active = ledger.lockWallets(List.of(tx.walletId())).values().stream().anyMatch(WalletState::active);
            if (!active) {
                // Frozen (or gone) since the gateway accepted it: do not charge the card.
                ledger.applyIfCurrent(new LedgerTransitions.Change(tx,
                        Transition.failed(tx.id(), tx.currency(), FailureReason.WALLET_INACTIVE)));
                return null;
            }
            ledger.applyIfCurrent(new LedgerTransitions.Change(tx, Transition.depositProcessing(tx.id(), tx.currency())));
            return tx;
        }
        return tx.status() == TransactionStatus.PROCESSING ? tx : null;
    }

    /** The payment method the gateway stored encrypted; the command's copy when the row has none. */
    private String paymentMethod(TransactionRecord tx, DepositFunds command) {
        String stored = storedPaymentMethod(cipher, tx);
        return stored != null ? stored : command.paymentMethodId();
    }

    /** The payment method the gateway stored encrypted, or null when the row has none. */
    static String storedPaymentMethod(FieldCipher cipher, TransactionRecord tx) {
        if (tx.sealedPaymentMethod() == null) {
            return null;
        }
        byte[] plain = cipher.open(tx.sealedPaymentMethod(), "transactions.payment_method:" + tx.id());
        return new String(plain, StandardCharsets.UTF_8);
    }
}
