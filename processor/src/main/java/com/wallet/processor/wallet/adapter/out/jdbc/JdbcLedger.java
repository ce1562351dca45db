package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.port.Ledger;

import com.wallet.processor.wallet.application.port.Ledger;
import com.wallet.processor.wallet.domain.EntryKind;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcLedger implements Ledger {

    private static final String CLEARING_TOTAL = """
            SELECT COALESCE(sum(amount), 0) FROM ledger_entries
            WHERE transaction_id = :tx AND account = 'STRIPE_CLEARING' AND entry_kind = :kind
            """;

    private static final String SHORTFALL_TOTAL = """
            SELECT COALESCE(sum(amount), 0) FROM ledger_entries WHERE transaction_id = :tx AND account = 'SHORTFALL'
            """;

    private final JdbcClient jdbc;

    JdbcLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long clearingTotal(UUID transactionId, EntryKind kind) {
        return jdbc.sql(CLEARING_TOTAL).param("tx", transactionId).param("kind", kind.name()).query(Long.class).single();
    }

    @Override
    public long shortfallTotal(UUID transactionId) {
        return jdbc.sql(SHORTFALL_TOTAL).param("tx", transactionId).query(Long.class).single();
    }
}
