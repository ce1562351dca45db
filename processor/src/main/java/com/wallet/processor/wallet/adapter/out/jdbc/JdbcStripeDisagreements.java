package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.StripeDisagreements;

import com.wallet.processor.wallet.application.port.StripeDisagreements;
import com.wallet.processor.wallet.domain.StripeDisagreement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcStripeDisagreements implements StripeDisagreements {

    private static final String INSERT = """
            INSERT INTO stripe_disagreements (transaction_id, stripe_object_id, stripe_event_id, field, recorded, reported)
            VALUES (:tx, :object, :event, :field, :recorded, :reported)
            ON CONFLICT (transaction_id, field, reported) WHERE resolved_at IS NULL DO NOTHING
            """;

    private final JdbcClient jdbc;

    JdbcStripeDisagreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID transactionId, String stripeObjectId, String stripeEventId, StripeDisagreement d) {
        jdbc.sql(INSERT).param("tx", transactionId).param("object", stripeObjectId).param("event", stripeEventId)
                .param("field", d.field().name().toLowerCase(Locale.ROOT)).param("recorded", d.recorded())
                .param("reported", d.reported())
                .update();
    }
}
