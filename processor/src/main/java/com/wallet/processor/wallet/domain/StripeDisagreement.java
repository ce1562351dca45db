package com.wallet.processor.wallet.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where what Stripe reports for a deposit differs from the processor's own record of it: another
 * PaymentIntent, another amount or another currency. Any one of them means the payment moves no
 * money (contract section 7): an operator looks. {@code EXISTENCE}: Stripe says an object we
 * recorded (a PaymentIntent, a Transfer) does not exist.
 */
public record StripeDisagreement(Field field, String recorded, String reported) {

    public enum Field { PAYMENT_INTENT, AMOUNT, CURRENCY, EXISTENCE }

    /** Stripe answered 404 for the object whose id we recorded. */
    public static StripeDisagreement missing(String recordedId) {
        return new StripeDisagreement(Field.EXISTENCE, recordedId, "missing");
    }

    /**
     * @param recordedPaymentIntent null when none was recorded yet (the create call's answer was
     *                              lost): the PaymentIntent found by the transaction's metadata is taken
     * @param reportedCurrency      null when the source does not say (then it is not compared)
     */
    public static List<StripeDisagreement> forSettlement(String recordedPaymentIntent, long recordedAmount,
                                                         String recordedCurrency, String reportedPaymentIntent,
                                                         long reportedAmount, String reportedCurrency) {
        List<StripeDisagreement> found = new ArrayList<>();
        if (recordedPaymentIntent != null && !recordedPaymentIntent.equals(reportedPaymentIntent)) {
            found.add(new StripeDisagreement(Field.PAYMENT_INTENT, recordedPaymentIntent, String.valueOf(reportedPaymentIntent)));
        }
        if (recordedAmount != reportedAmount) {
            found.add(new StripeDisagreement(Field.AMOUNT, Long.toString(recordedAmount), Long.toString(reportedAmount)));
        }
        if (reportedCurrency != null && !recordedCurrency.equalsIgnoreCase(reportedCurrency)) {
            found.add(new StripeDisagreement(Field.CURRENCY, recordedCurrency, reportedCurrency.toUpperCase()));
        }
        return found;
    }
}
