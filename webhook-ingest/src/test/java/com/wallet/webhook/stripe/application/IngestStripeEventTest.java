package com.wallet.webhook.stripe.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import com.wallet.common.messaging.StripeEventMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestStripeEventTest {

    private static final String SECRET = "whsec_unit";
    private static final String EVENT = """
            {"id":"evt_u1","object":"event","created":1,"type":"transfer.reversed",
             "data":{"object":{"id":"tr_1","object":"transfer","amount":300,"currency":"usd",
               "metadata":{"wallet_id":"w-1","transaction_id":"tx-1"}}}}
            """;

    private final List<StripeEventMessage> sent = new ArrayList<>();
    private final Set<String> remembered = new HashSet<>();
    private boolean kafkaUp = true;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestStripeEvent ingest = new IngestStripeEvent(
            new StripeWebhookProperties(SECRET, Duration.ofMinutes(5)),
            (key, message) -> kafkaUp && sent.add(message),
            new PublishedEvents() {
                @Override
                public boolean contains(String eventId) {
                    return remembered.contains(eventId);
                }

                @Override
                public void remember(String eventId) {
                    remembered.add(eventId);
                }
            }, meters);

    @Test
    void countsVerifiedDeDuplicatedAndRefusedWebhooksByReason() throws Exception {
        ingest.ingest(EVENT, sign(EVENT));
        ingest.ingest(EVENT, sign(EVENT));
        ingest.ingest(EVENT, null);
        ingest.ingest(EVENT, "t=1,v1=00");

        assertThat(meters.counter("wallet.webhooks.verified").count()).isEqualTo(2);
        assertThat(meters.counter("wallet.webhooks.ingested", "result", "PUBLISHED").count()).isEqualTo(1);
        assertThat(meters.counter("wallet.webhooks.ingested", "result", "DUPLICATE").count()).isEqualTo(1);
        assertThat(meters.counter("wallet.webhooks.refused", "reason", "missing_signature").count()).isEqualTo(1);
        assertThat(meters.counter("wallet.webhooks.refused", "reason", "bad_signature").count()).isEqualTo(1);
    }

    @Test
    void publishesAndRemembersAVerifiedEvent() throws Exception {
        assertThat(ingest.ingest(EVENT, sign(EVENT))).isEqualTo(IngestResult.PUBLISHED);
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.walletId()).isEqualTo("w-1"));
        assertThat(remembered).containsExactly("evt_u1");
    }

    @Test
    void doesNotRememberAnEventKafkaDidNotAcknowledge() throws Exception {
        kafkaUp = false;

        assertThat(ingest.ingest(EVENT, sign(EVENT))).isEqualTo(IngestResult.UNAVAILABLE);
        assertThat(remembered).isEmpty();

        kafkaUp = true;
        assertThat(ingest.ingest(EVENT, sign(EVENT))).isEqualTo(IngestResult.PUBLISHED);
    }

    @Test
    void dropsARedelivery() throws Exception {
        ingest.ingest(EVENT, sign(EVENT));

        assertThat(ingest.ingest(EVENT, sign(EVENT))).isEqualTo(IngestResult.DUPLICATE);
        assertThat(sent).hasSize(1);
    }

    @Test
    void rejectsAMissingSignature() {
        assertThat(ingest.ingest(EVENT, null)).isEqualTo(IngestResult.REJECTED);
        assertThat(sent).isEmpty();
    }

    private static String sign(String payload) throws Exception {
        return Webhook.Signature.generateSignatureHeader(payload, SECRET, Instant.now().getEpochSecond());
    }
}
