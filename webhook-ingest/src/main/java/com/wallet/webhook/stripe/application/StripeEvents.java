package com.wallet.webhook.stripe.application;

import com.wallet.common.messaging.StripeEventMessage;

/** The stripe.events topic. */
public interface StripeEvents {

    /** Sends and waits for the broker's acknowledgement; false when it did not come. */
    boolean publish(String key, StripeEventMessage message);
}
