package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.common.messaging.StripeEventCodec.Refusal;
import com.wallet.common.messaging.StripeEventCodec.RefusedStripeEventException;
import com.wallet.common.messaging.StripeEventMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a stripe.events record (contract 6.8: only events webhook-ingest sealed after verifying
 * Stripe's signature move money). A record that does not open is counted
 * ({@code wallet.stripe.events.refused{reason}}) and its {@link RefusedStripeEventException} goes to
 * the error handler, which dead-letters it at once, as received, to stripe.events.dlq.
 */
class StripeEventOpener {

    static final String REFUSED_METRIC = "wallet.stripe.events.refused";
    private static final Logger log = LoggerFactory.getLogger(StripeEventOpener.class);

    private final StripeEventCodec codec;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    StripeEventOpener(StripeEventCodec codec, MeterRegistry meters) {
        this.codec = codec;
        for (Refusal refusal : Refusal.values()) {
            refused.put(refusal, Counter.builder(REFUSED_METRIC)
                    .description("stripe.events records that did not open (forged, altered, other key, not an envelope)")
                    .tag("reason", refusal.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    StripeEventMessage open(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.open(record.value());
        } catch (RefusedStripeEventException e) {
            refused.get(e.refusal()).increment();
            // The reason names the failed check only; the record itself is never logged.
            log.warn("refused {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
    }
}
