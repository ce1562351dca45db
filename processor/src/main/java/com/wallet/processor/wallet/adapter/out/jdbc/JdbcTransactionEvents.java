package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.wallet.application.TransactionEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to outbox_events (walletSequence stamped by the database; the relay stamps the sequence)
 * and, in the same database transaction, the change's audit entry (actor {@code system}): every
 * status change and money movement of the processor passes here; then notifies the relay, which
 * hears it when the transaction commits.
 */
class JdbcTransactionEvents implements TransactionEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcTransactionEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(TransactionEvent event) {
        String payload = json.writeValueAsString(event);
        jdbc.sql(OutboxStatements.APPEND).param("eventId", event.eventId()).param("transactionId", event.transactionId())
                .param("walletId", event.walletId()).param("payload", payload)
                .update();
        jdbc.sql(TransactionAuditStatements.BY_SYSTEM).param("eventId", event.eventId())
                .param("transactionId", event.transactionId()).param("walletId", event.walletId())
                .param("payload", payload)
                .update();
        jdbc.sql(OutboxStatements.NOTIFY).query().singleRow();   // wakes the relay when this commits
    }
}
