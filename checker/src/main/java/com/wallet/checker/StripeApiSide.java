package com.wallet.checker;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.ChargeListParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.TransferListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Stripe API through stripe-java: every PaymentIntent, Charge and Transfer created since
 * {@code since}, paged. Not exercised here (the real API is not reachable from these machines and
 * the emulator serves no list endpoints); the emulator adapter is what local checks use.
 */
final class StripeApiSide implements StripeSide {

    private final StripeClient stripe;
    private final long since;

    StripeApiSide(StripeClient stripe, Instant since) {
        this.stripe = stripe;
        this.since = since.getEpochSecond();
    }

    @Override
    public StripeObjects read() {
        try {
            List<StripeSide.PaymentIntent> intents = new ArrayList<>();
            for (com.stripe.model.PaymentIntent pi : stripe.v1().paymentIntents().list(PaymentIntentListParams.builder().setLimit(100L)
                    .setCreated(PaymentIntentListParams.Created.builder().setGte(since).build()).build()).autoPagingIterable()) {
                intents.add(new StripeSide.PaymentIntent(pi.getId(), pi.getStatus(), value(pi.getAmount()),
                        value(pi.getAmountReceived()), pi.getCurrency(), transactionId(pi.getMetadata())));
            }
            List<StripeSide.Charge> charges = new ArrayList<>();
            for (com.stripe.model.Charge ch : stripe.v1().charges().list(ChargeListParams.builder().setLimit(100L)
                    .setCreated(ChargeListParams.Created.builder().setGte(since).build()).build()).autoPagingIterable()) {
                charges.add(new StripeSide.Charge(ch.getId(), ch.getPaymentIntent(), value(ch.getAmount()),
                        value(ch.getAmountRefunded()), ch.getCurrency()));
            }
            List<StripeSide.Transfer> transfers = new ArrayList<>();
            for (com.stripe.model.Transfer tr : stripe.v1().transfers().list(TransferListParams.builder().setLimit(100L)
                    .setCreated(TransferListParams.Created.builder().setGte(since).build()).build()).autoPagingIterable()) {
                transfers.add(new StripeSide.Transfer(tr.getId(), value(tr.getAmount()), value(tr.getAmountReversed()),
                        tr.getCurrency(), transactionId(tr.getMetadata())));
            }
            return new StripeObjects(intents, charges, transfers);
        } catch (StripeException e) {
            throw new CheckFailedException("cannot list Stripe objects: " + e.getClass().getSimpleName(), e);
        }
    }

    private static long value(Long amount) {
        return amount == null ? 0 : amount;
    }

    private static String transactionId(Map<String, String> metadata) {
        return metadata == null ? null : metadata.get("transaction_id");
    }
}
