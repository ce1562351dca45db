package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.processor.wallet.application.ApplyStripeEventService;
import org.springframework.kafka.annotation.KafkaListener;

/** stripe.events -> one application call; the offset is committed after the DB commit. */
class StripeEventListener {

    private final ApplyStripeEventService stripeEvents;

    StripeEventListener(ApplyStripeEventService stripeEvents) {
        this.stripeEvents = stripeEvents;
    }

    @KafkaListener(id = "stripe-events", topics = Topics.STRIPE_EVENTS, groupId = KafkaConfiguration.GROUP,
            containerFactory = KafkaConfiguration.STRIPE_EVENTS_FACTORY)
    public void onEvent(StripeEventMessage event) {
        stripeEvents.apply(event);
    }
}
