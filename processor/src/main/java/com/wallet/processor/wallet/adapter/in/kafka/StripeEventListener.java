package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.processor.wallet.application.stripe.ApplyStripeEventService;

import com.wallet.common.messaging.Topics;
import com.wallet.processor.wallet.application.stripe.ApplyStripeEventService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * stripe.events -> open the sealed record -> one application call; the offset is committed after
 * the DB commit. The value stays bytes until opened, so whatever is dead-lettered (refused, or
 * matching no transaction) is on stripe.events.dlq exactly as received, still sealed.
 */
class StripeEventListener {

    private final StripeEventOpener opener;
    private final ApplyStripeEventService stripeEvents;

    StripeEventListener(StripeEventOpener opener, ApplyStripeEventService stripeEvents) {
        this.opener = opener;
        this.stripeEvents = stripeEvents;
    }

    @KafkaListener(id = "stripe-events", topics = Topics.STRIPE_EVENTS, groupId = KafkaConfiguration.GROUP,
            containerFactory = KafkaConfiguration.STRIPE_EVENTS_FACTORY)
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        stripeEvents.apply(opener.open(record));
    }
}
