package com.wallet.processor.wallet.application;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import java.nio.charset.StandardCharsets;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deposit (contract section 7): PENDING -> PROCESSING in a short transaction, then the
 * PaymentIntent is created and confirmed outside any transaction, with the idempotency key
 * "deposit-&lt;txId&gt;". The wallet is credited only by the verified payment_intent.succeeded event.
 *
 * <p>The transaction status, not only processed_commands, is the idempotency here: a redelivered
 * command whose transaction is still PROCESSING calls Stripe again with the same key, which
 * returns the same PaymentIntent. No wallet lock: nothing here changes a balance, and every
 * status change is conditional. A wallet frozen since the gateway accepted the deposit ends it
 * FAILED WALLET_INACTIVE before any card is charged.
 */
public class DepositFundsService {

    private static final Logger log = LoggerFactory.getLogger(DepositFundsService.class);
    private static final Set<TransactionStatus> OPEN = Set.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING);

    private final TransactionTemplate transaction;
    private final ProcessedCommands processed;
    private final Transactions transactions;
    private final Wallets wallets;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;
    private final PaymentGateway payments;
    private final FieldCipher cipher;

    public DepositFundsService(TransactionTemplate transaction, ProcessedCommands processed, Transactions transactions,
                               Wallets wallets, TransactionEvents events, TransactionEventFactory eventFactory, PaymentGateway payments,
                               FieldCipher cipher) {
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.wallets = wallets;
        this.events = events;
        this.eventFactory = eventFactory;
        this.payments = payments;
        this.cipher = cipher;
    }

    public Outcome deposit(DepositFunds command) {
        TransactionRecord tx = transaction.execute(status -> start(command));
        if (tx == null) {
            return Outcome.IGNORED;
        }
        PaymentGateway.PaymentResult result = payments.createPayment(new PaymentGateway.DepositPayment(
                tx.id(), tx.walletId(), tx.amount(), tx.currency(), paymentMethod(tx, command)));
        return transaction.execute(status -> record(tx, result));
    }

    /** @return the transaction to charge, or null when it already reached a final status */
    private TransactionRecord start(DepositFunds command) {
        processed.markProcessed(command.transactionId());
        TransactionRecord tx = CommandChecks.requireMatchingRow(command, transactions);
        if (tx.status() == TransactionStatus.PENDING) {
            boolean active = wallets.lockForUpdate(List.of(tx.walletId())).stream().anyMatch(WalletState::active);
            if (!active) {
                // Frozen (or gone) since the gateway accepted it: do not charge the card.
                if (transactions.changeStatus(tx.id(), Set.of(TransactionStatus.PENDING), TransactionStatus.FAILED,
                        FailureReason.WALLET_INACTIVE)) {
                    events.append(eventFactory.changed(tx, TransactionStatus.FAILED, FailureReason.WALLET_INACTIVE));
                }
                return null;
            }
            if (transactions.changeStatus(tx.id(), Set.of(TransactionStatus.PENDING), TransactionStatus.PROCESSING, null)) {
                events.append(eventFactory.changed(tx, TransactionStatus.PROCESSING, null));
            }
            return tx;
        }
        return tx.status() == TransactionStatus.PROCESSING ? tx : null;
    }

    private Outcome record(TransactionRecord tx, PaymentGateway.PaymentResult result) {
        if (result instanceof PaymentGateway.PaymentAccepted accepted) {
            transactions.recordPaymentIntent(tx.id(), accepted.paymentIntentId());
            log.info("deposit {} payment intent {} status {}", tx.id(), accepted.paymentIntentId(), accepted.status());
            return Outcome.PROCESSING;
        }
        if (result instanceof PaymentGateway.PaymentDeclined declined) {
            if (declined.paymentIntentId() != null) {
                transactions.recordPaymentIntent(tx.id(), declined.paymentIntentId());
            }
            return fail(tx, FailureReason.CARD_DECLINED);
        }
        if (result instanceof PaymentGateway.PaymentFailed failed) {
            log.warn("deposit {} payment failed: {}", tx.id(), failed.error());
            return fail(tx, FailureReason.PAYMENT_FAILED);
        }
        throw new IllegalStateException("unhandled payment result " + result.getClass().getSimpleName());
    }

    private Outcome fail(TransactionRecord tx, FailureReason reason) {
        if (transactions.changeStatus(tx.id(), OPEN, TransactionStatus.FAILED, reason)) {
            events.append(eventFactory.changed(tx, TransactionStatus.FAILED, reason));
            return Outcome.FAILED;
        }
        return Outcome.IGNORED;
    }

    /** The payment method the gateway stored encrypted; the command's copy when the row has none. */
    private String paymentMethod(TransactionRecord tx, DepositFunds command) {
        if (tx.sealedPaymentMethod() == null) {
            return command.paymentMethodId();
        }
        byte[] plain = cipher.open(tx.sealedPaymentMethod(), "transactions.payment_method:" + tx.id());
        return new String(plain, StandardCharsets.UTF_8);
    }
}
