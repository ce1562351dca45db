package com.wallet.processor.wallet.application.deposit;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.messaging.DepositFunds;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import java.nio.charset.StandardCharsets;

/**
 * The Stripe side of an open deposit, outside any database transaction: its PaymentIntent, created
 * with the key "deposit-&lt;txId&gt;" and the payment method the gateway stored, retrieved and
 * canceled. The same for the first attempt, a redelivered command and the reconciler; what an
 * answer does to the row is {@link DepositOutcomes}'.
 */
class DepositPayments {

    private final PaymentGateway payments;
    private final FieldCipher cipher;

    DepositPayments(PaymentGateway payments, FieldCipher cipher) {
        this.payments = payments;
        this.cipher = cipher;
    }

    /** The payment method the gateway stored encrypted; the command's copy when the row has none. */
    String paymentMethod(TransactionRecord tx, DepositFunds command) {
        String stored = storedPaymentMethod(tx);
        return stored != null ? stored : command.paymentMethodId();
    }

    PaymentGateway.PaymentResult create(TransactionRecord tx, String paymentMethod) {
        return payments.createPayment(new PaymentGateway.DepositPayment(
                tx.id(), tx.walletId(), tx.amount(), tx.currency(), paymentMethod, tx.requestId()));
    }

    /** Created again with the stored payment method and the same key; uncertain when the row has none. */
    PaymentGateway.PaymentResult createAgain(TransactionRecord tx) {
        String paymentMethod = storedPaymentMethod(tx);
        return paymentMethod == null ? new PaymentGateway.PaymentUncertain("no stored payment method")
                : create(tx, paymentMethod);
    }

    /** The recorded PaymentIntent. */
    PaymentGateway.PaymentLookup retrieve(TransactionRecord tx) {
        return payments.retrievePayment(tx.stripePaymentIntentId());
    }

    /** Cancels the recorded PaymentIntent (3-D Secure never finished). */
    PaymentGateway.PaymentLookup cancel(TransactionRecord tx) {
        return payments.cancelPayment(tx.stripePaymentIntentId(), tx.id());
    }

    /** The payment method the gateway stored encrypted, or null when the row has none. */
    private String storedPaymentMethod(TransactionRecord tx) {
        if (tx.sealedPaymentMethod() == null) {
            return null;
        }
        byte[] plain = cipher.open(tx.sealedPaymentMethod(), "transactions.payment_method:" + tx.id());
        return new String(plain, StandardCharsets.UTF_8);
    }
}
