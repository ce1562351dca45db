package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.Ledger;
import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Posting;
import com.wallet.processor.wallet.domain.Postings;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcLedger implements Ledger {

    private static final String INSERT = """
            INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind)
            VALUES (:tx, :account, :wallet, :amount, :currency, :kind)
            """;

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
    public void post(UUID transactionId, String currency, Postings postings) {
        for (Posting p : postings.entries()) {
            jdbc.sql(INSERT).param("tx", transactionId).param("account", p.account().name())
                    .param("wallet", p.walletId()).param("amount", p.amount())
                    .param("currency", currency).param("kind", p.kind().name())
                    .update();
        }
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
