package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.FailureReason;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.application.port.StripeRecords;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a deposit's row, inside the caller's database transaction: its start, each
 * Stripe answer (createPayment's, a retrieved PaymentIntent's, a Stripe event's) and the
 * reconciler's give-ups; the same for the first attempt (a command), a redelivered command, the
 * reconciler and the events. Every change is conditional on the deposit still being open.
 */
class DepositOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DepositOutcomes.class);

    private final StripeRecords records;
    private final LedgerTransitions ledger;
    private final FieldCipher cipher;
    private final StripeDisagreements disagreements;
    private final DepositSettlement settlement;

    DepositOutcomes(StripeRecords records, LedgerTransitions ledger, FieldCipher cipher,
                    StripeDisagreements disagreements, DepositSettlement settlement) {
        this.records = records;
        this.ledger = ledger;
        this.cipher = cipher;
        this.disagreements = disagreements;
        this.settlement = settlement;
    }

    /** Reads and row-locks the deposit's wallet: false when it is frozen or gone. */
    boolean walletActive(TransactionRecord tx) {
        return ledger.lockWallets(List.of(tx.walletId())).values().stream().anyMatch(WalletState::active);
    }

    /** PENDING -> PROCESSING, before the card is charged. */
    void processing(TransactionRecord tx) {
        ledger.applyIfCurrent(new LedgerTransitions.Change(tx, Transition.depositProcessing(tx.id(), tx.currency())));
    }

    /** Frozen (or gone) since the gateway accepted it: FAILED WALLET_INACTIVE, no card charged. */
    void walletInactive(TransactionRecord tx) {
        ledger.applyIfCurrent(new LedgerTransitions.Change(tx,
                Transition.failed(tx.id(), tx.currency(), FailureReason.WALLET_INACTIVE)));
    }

    /**
     * Accepted: the PaymentIntent id is recorded, the deposit stays PROCESSING (credited by the
     * succeeded event or the reconciler). Declined (402): FAILED CARD_DECLINED. Definitive
     * failure: FAILED PAYMENT_FAILED. Uncertain: nothing is recorded, the deposit stays PROCESSING
     * and the reconciler asks again with the same idempotency key.
     */
    Outcome record(TransactionRecord tx, PaymentGateway.PaymentResult result) {
        if (result instanceof PaymentGateway.PaymentAccepted accepted) {
            records.recordPaymentIntent(tx.id(), accepted.paymentIntentId());
            if (accepted.customerAction() != null) {
                recordCustomerAction(tx, accepted.customerAction());
            }
            log.info("deposit {} payment intent {} status {}", tx.id(), accepted.paymentIntentId(), accepted.status());
            return Outcome.PROCESSING;
        }
        if (result instanceof PaymentGateway.PaymentDeclined declined) {
            if (declined.paymentIntentId() != null) {
                records.recordPaymentIntent(tx.id(), declined.paymentIntentId());
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
        records.recordCustomerAction(tx.id(), action.nextAction(), Base64.getEncoder().encodeToString(sealed));
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

    /** payment_intent.payment_failed: FAILED, and its PaymentIntent recorded when it did end the deposit here. */
    Outcome failedAtStripe(TransactionRecord tx, FailureReason reason, String paymentIntentId) {
        Outcome outcome = fail(tx, reason);
        if (outcome == Outcome.FAILED && paymentIntentId != null) {
            records.recordPaymentIntent(tx.id(), paymentIntentId);
        }
        return outcome;
    }

    /** Stripe says the recorded PaymentIntent does not exist: FAILED and, in the same transaction, a record for an operator. */
    Outcome failMissing(TransactionRecord tx, FailureReason reason) {
        Outcome failed = fail(tx, reason);
        if (failed == Outcome.FAILED) {
            disagreements.record(tx.id(), tx.stripePaymentIntentId(), null,
                    StripeDisagreement.missing(tx.stripePaymentIntentId()));
        }
        return failed;
    }

    /** Charged at Stripe: settled (the caller holds the wallet lock), see {@link DepositSettlement}. */
    Outcome settle(TransactionRecord tx, DepositSettlement.Charged charged, String source) {
        return settlement.settle(tx, charged, source);
    }
}
