package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.wallet.application.CachedWalletReads;
import com.wallet.processor.wallet.application.TransactionEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to outbox_events (walletSequence stamped by the database; the relay stamps the sequence)
 * and, in the same database transaction, the change's audit entry (actor {@code system}): every
 * status change and money movement of the processor passes here; then notifies the relay, which
 * hears it when the transaction commits. The wallets an event posts to are evicted from the
 * gateway's read cache around the commit: every change of a balance passes here (contract 6.6).
 */
class JdbcTransactionEvents implements TransactionEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CachedWalletReads cache;

    JdbcTransactionEvents(JdbcClient jdbc, JsonMapper json, CachedWalletReads cache) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = cache;
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
        cache.evictAroundCommit(event.postings().stream().map(WalletPosting::walletId).distinct().toList());
    }
}
