package com.wallet.gateway.wallet.adapter.out.jdbc;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.gateway.wallet.application.TransactionEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The PENDING event and, in the same database transaction, its audit entry (actor: the user who created it). */
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
        for (String statement : new String[] {OutboxStatements.APPEND, TransactionAuditStatements.BY_INITIATOR}) {
            jdbc.sql(statement)
                    .param("eventId", event.eventId())
                    .param("transactionId", event.transactionId())
                    .param("walletId", event.walletId())
                    .param("payload", payload)
                    .update();
        }
    }
}
