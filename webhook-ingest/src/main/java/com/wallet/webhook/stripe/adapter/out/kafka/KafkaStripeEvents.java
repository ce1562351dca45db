package com.wallet.webhook.stripe.adapter.out.kafka;

import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventEnvelope;
import com.wallet.common.messaging.StripeEventMessage;
import com.wallet.common.messaging.Topics;
import com.wallet.webhook.stripe.application.StripeEvents;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to stripe.events with the idempotent acks=all producer and waits for the ack. The value
 * is the event sealed with the stripe.events key ({@link StripeEventCodec}): the processor moves
 * money only for records that open, so only this service, having checked Stripe's signature, can
 * produce one (contract 6.8).
 */
class KafkaStripeEvents implements StripeEvents {

    private static final Logger log = LoggerFactory.getLogger(KafkaStripeEvents.class);

    private final KafkaTemplate<String, StripeEventEnvelope> kafka;
    private final StripeEventCodec codec;
    private final Duration ackTimeout;

    KafkaStripeEvents(KafkaTemplate<String, StripeEventEnvelope> kafka, StripeEventCodec codec, Duration ackTimeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public boolean publish(String key, StripeEventMessage message) {
        try {
            kafka.send(Topics.STRIPE_EVENTS, key, codec.seal(message)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Stripe event {} not acknowledged by Kafka: {}", message.eventId(), e.toString());
            return false;
        }
    }
}
