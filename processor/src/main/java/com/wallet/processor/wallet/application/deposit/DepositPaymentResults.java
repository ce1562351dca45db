package com.wallet.processor.wallet.application.deposit;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.FailureReason;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deposit's createPayment answer does to the transaction, inside the caller's database
 * transaction: the same for the first attempt (a command), a redelivered command and the
 * reconciler. Every change is conditional on the deposit still being open.
 */
class DepositPaymentResults {

    private static final Logger log = LoggerFactory.getLogger(DepositPaymentResults.class);
    private final Transactions transactions;
    private final LedgerTransitions ledger;
    private final FieldCipher cipher;

    DepositPaymentResults(Transactions transactions, LedgerTransitions ledger, FieldCipher cipher) {
        this.cipher = cipher;
        this.transactions = transactions;
        this.ledger = ledger;
    }

    /**
     * Accepted: the PaymentIntent id is recorded, the deposit stays PROCESSING (credited by the
     * succeeded event or the reconciler). Declined (402): FAILED CARD_DECLINED. Definitive
     * failure: FAILED PAYMENT_FAILED. Uncertain: nothing is recorded, the deposit stays PROCESSING
     * and the reconciler asks again with the same idempotency key.
     */
    Outcome record(TransactionRecord tx, PaymentGateway.PaymentResult result) {
        if (result instanceof PaymentGateway.PaymentAccepted accepted) {
            transactions.recordPaymentIntent(tx.id(), accepted.paymentIntentId());
            if (accepted.customerAction() != null) {
                recordCustomerAction(tx, accepted.customerAction());
            }
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
        if (result instanceof PaymentGateway.PaymentUncertain uncertain) {
            log.warn("deposit {} payment outcome unknown, stays PROCESSING for the reconciler: {}", tx.id(),
                    uncertain.error());
            return Outcome.PROCESSING;
        }
        throw new IllegalStateException("unhandled payment result " + result.getClass().getSimpleName());
    }

    /** 3-D Secure: the client secret is sealed to this transaction's row, never stored or logged in clear. */
    private void recordCustomerAction(TransactionRecord tx, PaymentGateway.CustomerAction action) {
        byte[] sealed = cipher.seal(action.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecretAad(tx.id()));
        transactions.recordCustomerAction(tx.id(), action.nextAction(), Base64.getEncoder().encodeToString(sealed));
    }

    /** Associated data of the sealed client secret; the gateway opens it with the same. */
    static String clientSecretAad(UUID transactionId) {
        return "transactions.client_secret:" + transactionId;
    }

    /** open -> FAILED with its outbox event; IGNORED when the deposit was no longer open. */
    Outcome fail(TransactionRecord tx, FailureReason reason) {
        if (ledger.applyIfCurrent(new LedgerTransitions.Change(tx, Transition.depositFailed(tx.id(), tx.currency(), reason)))) {
            log.info("deposit {} FAILED {}", tx.id(), reason);
            return Outcome.FAILED;
        }
        return Outcome.IGNORED;
    }
}
