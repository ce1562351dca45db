package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.StripeRecords;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcStripeRecords implements StripeRecords {

    private static final String RECORD_PAYMENT_INTENT = """
            UPDATE transactions SET stripe_payment_intent_id = :pi, updated_at = now()
            WHERE id = :id AND stripe_payment_intent_id IS NULL
            """;
    private static final String RECORD_CUSTOMER_ACTION = """
            UPDATE transactions
            SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object(
                    'nextAction', jsonb_strip_nulls(jsonb_build_object('type', :type::text, 'redirectUrl', :url::text)),
                    'sealedClientSecret', :secret::text),
                updated_at = now()
            WHERE id = :id AND status = 'PROCESSING'
            """;

    private final JdbcClient jdbc;

    JdbcStripeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordPaymentIntent(UUID id, String paymentIntentId) {
        return jdbc.sql(RECORD_PAYMENT_INTENT).param("id", id).param("pi", paymentIntentId).update() == 1;
    }

    @Override
    public boolean recordCustomerAction(UUID id, Map<String, String> nextAction, String sealedClientSecret) {
        return jdbc.sql(RECORD_CUSTOMER_ACTION).param("id", id).param("type", nextAction.get("type"))
                .param("url", nextAction.get("redirectUrl")).param("secret", sealedClientSecret).update() == 1;
    }
}
