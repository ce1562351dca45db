package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.TransactionRecord;

import java.util.function.Supplier;

/**
 * What a deposit or withdrawal command leaves to do once its database transaction has committed:
 * a Stripe call and the recording of its answer ({@link #of}), or nothing ({@link #none}).
 * {@link StripeCalls} runs it off the listener thread; {@link #run} runs it on the caller's.
 *
 * @param outcome     the command's outcome so far (PROCESSING while a call is left)
 * @param transaction the transaction the call is for; null when nothing is left
 * @param call        the call and the recording of its answer (each database change in its own,
 *                    conditional transaction); null when nothing is left
 */
public record StripeCall(Outcome outcome, TransactionRecord transaction, Supplier<Outcome> call) {

    public static StripeCall none(Outcome outcome) {
        return new StripeCall(outcome, null, null);
    }

    public static StripeCall of(TransactionRecord transaction, Supplier<Outcome> call) {
        return new StripeCall(Outcome.PROCESSING, transaction, call);
    }

    public boolean pending() {
        return call != null;
    }

    /** @return the command's outcome once Stripe answered (PROCESSING when the answer was ambiguous) */
    public Outcome run() {
        return call == null ? outcome : call.get();
    }
}
