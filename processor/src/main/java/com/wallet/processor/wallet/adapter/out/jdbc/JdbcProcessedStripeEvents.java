package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;

import com.wallet.processor.wallet.application.port.ProcessedStripeEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcProcessedStripeEvents implements ProcessedStripeEvents {

    private static final String MARK = """
            INSERT INTO processed_stripe_events (event_id, event_type) VALUES (:id, :type) ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;

    JdbcProcessedStripeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(String eventId, String eventType) {
        return jdbc.sql(MARK).param("id", eventId).param("type", eventType).update() == 1;
    }
}
