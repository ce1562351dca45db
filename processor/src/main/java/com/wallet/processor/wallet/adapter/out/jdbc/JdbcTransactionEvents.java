package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.processor.wallet.application.TransactionEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Appends to outbox_events; the relay publishes in sequence order and stamps the sequence in. */
class JdbcTransactionEvents implements TransactionEvents {

    private static final String INSERT = """
            INSERT INTO outbox_events (event_id, transaction_id, wallet_id, payload)
            VALUES (:eventId, :tx, :wallet, CAST(:payload AS jsonb))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcTransactionEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(TransactionEvent event) {
        jdbc.sql(INSERT).param("eventId", event.eventId()).param("tx", event.transactionId())
                .param("wallet", event.walletId()).param("payload", json.writeValueAsString(event))
                .update();
    }
}
