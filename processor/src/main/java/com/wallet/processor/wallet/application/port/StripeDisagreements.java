package com.wallet.processor.wallet.application.port;

import com.wallet.processor.wallet.domain.StripeDisagreement;
import java.util.UUID;

/** Port: Stripe reports that disagree with our record, kept for an operator (one open row each). */
public interface StripeDisagreements {

    void record(UUID transactionId, String stripeObjectId, String stripeEventId, StripeDisagreement disagreement);
}
