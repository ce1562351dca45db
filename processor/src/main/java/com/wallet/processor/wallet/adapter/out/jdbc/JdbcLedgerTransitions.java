package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.wallet.application.TransactionRecord;
import com.wallet.processor.wallet.application.batch.LedgerTransitions;
import com.wallet.processor.wallet.domain.Posting;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Set-based SQL for a batch: every statement takes arrays ({@code unnest}), so a batch of any size
 * costs the same round trips. Row counts are checked against what was decided. Each change gets its
 * outbox event and its audit entry (actor {@code system}), as in {@link JdbcTransactionEvents}.
 */
class JdbcLedgerTransitions implements LedgerTransitions {

    // Ascending ids: two processors claiming overlapping batches (a rebalance) wait, never deadlock.
    private static final String CLAIM = """
            INSERT INTO processed_commands (command_id)
            SELECT id FROM unnest(CAST(:ids AS uuid[])) AS id ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING command_id
            """;
    private static final String TRANSACTIONS = JdbcTransactions.COLUMNS + " WHERE id = ANY(CAST(:ids AS uuid[]))";
    // NO KEY UPDATE, as in JdbcWallets: the gateway's foreign keys take KEY SHARE on wallets.
    private static final String LOCK_WALLETS = """
            SELECT id, balance, currency, is_active FROM wallets
            WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR NO KEY UPDATE
            """;
    private static final String CHANGE_STATUSES = """
            UPDATE transactions t SET status = u.status, failure_reason = u.reason, updated_at = now()
            FROM unnest(CAST(:ids AS uuid[]), CAST(:froms AS text[]), CAST(:tos AS text[]), CAST(:reasons AS text[]))
                 AS u(id, from_status, status, reason)
            WHERE t.id = u.id AND t.status = u.from_status
            """;
    // One update per wallet for its net change, guarded like the single-row debits: never below zero
    // (the CHECK would refuse it too), and a frozen wallet only where the transition allows it.
    private static final String CHANGE_BALANCES = """
            UPDATE wallets w SET balance = w.balance + d.change, updated_at = now()
            FROM unnest(CAST(:ids AS uuid[]), CAST(:changes AS bigint[]), CAST(:activeOnly AS boolean[]))
                 AS d(id, change, active_only)
            WHERE w.id = d.id AND w.balance + d.change >= 0 AND (w.is_active OR NOT d.active_only)
            """;
    private static final String POST = """
            INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, entry_kind)
            SELECT * FROM unnest(CAST(:tx AS uuid[]), CAST(:account AS text[]), CAST(:wallet AS uuid[]),
                                 CAST(:amount AS bigint[]), CAST(:currency AS text[]), CAST(:kind AS text[]))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcLedgerTransitions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Set<UUID> claim(List<UUID> commandIds) {
        return new HashSet<>(jdbc.sql(CLAIM).param("ids", commandIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    @Override
    public Map<UUID, TransactionRecord> transactions(Collection<UUID> ids) {
        Map<UUID, TransactionRecord> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql(TRANSACTIONS).param("ids", ids.toArray(UUID[]::new)).query(JdbcTransactions::map).list()
                .forEach(tx -> rows.put(tx.id(), tx));
        return rows;
    }

    @Override
    public Map<UUID, WalletState> lockWallets(Collection<UUID> walletIds) {
        Map<UUID, WalletState> wallets = new LinkedHashMap<>();
        jdbc.sql(LOCK_WALLETS).param("ids", walletIds.toArray(UUID[]::new))
                .query((rs, n) -> new WalletState(rs.getObject("id", UUID.class), rs.getLong("balance"),
                        rs.getString("currency"), rs.getBoolean("is_active")))
                .list().forEach(w -> wallets.put(w.id(), w));
        return wallets;
    }

    @Override
    public void apply(List<Transition> transitions, List<TransactionEvent> events) {
        changeStatuses(transitions);
        changeBalances(transitions);
        post(transitions);
        appendEvents(events);
        jdbc.sql(OutboxStatements.NOTIFY).query().singleRow();   // wakes the relay when this commits
    }

    private void changeStatuses(List<Transition> transitions) {
        int n = transitions.size();
        UUID[] ids = new UUID[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Transition t = transitions.get(i);
            ids[i] = t.transactionId();
            froms[i] = t.from().name();
            tos[i] = t.to().name();
            reasons[i] = t.reason() == null ? null : t.reason().name();
        }
        int changed = jdbc.sql(CHANGE_STATUSES).param("ids", ids).param("froms", froms).param("tos", tos)
                .param("reasons", reasons).update();
        if (changed != n) {
            throw new ConcurrentTransitionException(n - changed + " of " + n + " transactions left their status concurrently");
        }
    }

    private void changeBalances(List<Transition> transitions) {
        Map<UUID, Long> net = Transition.netBalanceChanges(transitions);
        if (net.isEmpty()) {
            return;
        }
        Set<UUID> activeOnly = new HashSet<>();
        for (Transition t : transitions) {
            if (t.movesMoney() && t.activeWalletsOnly()) {
                t.postings().entries().stream().filter(p -> p.walletId() != null).forEach(p -> activeOnly.add(p.walletId()));
            }
        }
        UUID[] ids = net.keySet().toArray(UUID[]::new);
        Long[] changes = net.values().toArray(Long[]::new);
        Boolean[] active = new Boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            active[i] = activeOnly.contains(ids[i]);
        }
        int changed = jdbc.sql(CHANGE_BALANCES).param("ids", ids).param("changes", changes).param("activeOnly", active)
                .update();
        if (changed != ids.length) {
            // Cannot happen while the rows are locked for the decision; roll back and let Kafka retry.
            throw new ConcurrentTransitionException(ids.length - changed + " of " + ids.length
                    + " guarded balance updates matched no row");
        }
    }

    private void post(List<Transition> transitions) {
        List<UUID> tx = new ArrayList<>();
        List<String> account = new ArrayList<>();
        List<UUID> wallet = new ArrayList<>();
        List<Long> amount = new ArrayList<>();
        List<String> currency = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        for (Transition t : transitions) {
            if (!t.movesMoney()) {
                continue;
            }
            for (Posting p : t.postings().entries()) {
                tx.add(t.transactionId());
                account.add(p.account().name());
                wallet.add(p.walletId());
                amount.add(p.amount());
                currency.add(t.currency());
                kind.add(p.kind().name());
            }
        }
        if (tx.isEmpty()) {
            return;
        }
        jdbc.sql(POST).param("tx", tx.toArray(UUID[]::new)).param("account", account.toArray(String[]::new))
                .param("wallet", wallet.toArray(UUID[]::new)).param("amount", amount.toArray(Long[]::new))
                .param("currency", currency.toArray(String[]::new)).param("kind", kind.toArray(String[]::new))
                .update();
    }

    private void appendEvents(List<TransactionEvent> events) {
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        UUID[] transactionIds = new UUID[n];
        UUID[] walletIds = new UUID[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            TransactionEvent e = events.get(i);
            eventIds[i] = e.eventId();
            transactionIds[i] = e.transactionId();
            walletIds[i] = e.walletId();
            payloads[i] = json.writeValueAsString(e);
        }
        int appended = jdbc.sql(OutboxStatements.APPEND_ALL).param("eventIds", eventIds)
                .param("transactionIds", transactionIds).param("walletIds", walletIds).param("payloads", payloads)
                .update();
        if (appended != n) {
            throw new ConcurrentTransitionException(n - appended + " of " + n + " outbox events were not appended");
        }
        jdbc.sql(TransactionAuditStatements.BY_SYSTEM_ALL).param("eventIds", eventIds)
                .param("transactionIds", transactionIds).param("walletIds", walletIds).param("payloads", payloads)
                .update();
    }
}
