package com.wallet.processor.wallet.domain;

import java.util.Objects;

/**
 * The Stripe object a transition names, and how the row's recorded one must match for the
 * transition to apply (contract 6.7: a withdrawal goes back only while no Transfer is known; a
 * deposit settles only for its recorded PaymentIntent). Where the row records none yet, the
 * transition records {@code id} (when it has one).
 */
public record StripeObject(Kind kind, String id, Match match) {

    public enum Kind { PAYMENT_INTENT, TRANSFER }

    public enum Match {
        /** none recorded, or exactly {@code id} */
        UNSET_OR_SAME,
        /** exactly {@code id} */
        SAME,
        /** none recorded ({@code id} is null) */
        UNSET,
        /** whatever is recorded */
        ANY
    }

    public StripeObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(match, "match");
        if ((match == Match.UNSET) != (id == null)) {
            throw new IllegalArgumentException("exactly an UNSET match names no object");
        }
    }

    public static StripeObject paymentIntent(String id) {
        return new StripeObject(Kind.PAYMENT_INTENT, Objects.requireNonNull(id, "id"), Match.UNSET_OR_SAME);
    }

    public static StripeObject transfer(String id) {
        return new StripeObject(Kind.TRANSFER, Objects.requireNonNull(id, "id"), Match.UNSET_OR_SAME);
    }

    public static StripeObject noTransfer() {
        return new StripeObject(Kind.TRANSFER, null, Match.UNSET);
    }

    public static StripeObject exactlyTransfer(String id) {
        return new StripeObject(Kind.TRANSFER, Objects.requireNonNull(id, "id"), Match.SAME);
    }

    /** Any recorded Transfer; {@code id} is recorded where none is (null: nothing recorded). */
    public static StripeObject anyTransfer(String id) {
        return new StripeObject(Kind.TRANSFER, id, Match.ANY);
    }
}
