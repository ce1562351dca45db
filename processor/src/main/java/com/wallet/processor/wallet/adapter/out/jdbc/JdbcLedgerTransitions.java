package com.wallet.processor.wallet.adapter.out.jdbc;

import com.wallet.processor.wallet.application.TransactionEventFactory;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.audit.TransactionAuditStatements;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.outbox.OutboxStatements;
import com.wallet.processor.wallet.application.TransactionEventFactory;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Posting;
import com.wallet.processor.wallet.domain.StripeObject;
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
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Set-based SQL for a list of transitions: every statement takes arrays ({@code unnest}), so a batch of
 * any size costs the same round trips. Row counts are checked against what was decided. Each change
 * gets its outbox event, derived from it here and nowhere else, and its audit entry (actor
 * {@code system}), in the same database transaction; then the relay is notified (heard at commit).
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
    // Each change only where the row still has one of its from statuses (comma-joined), its type, and
    // the Stripe object it names as its match requires; a Stripe object none is recorded for yet is
    // recorded. failure_reason := reason is safe for every change: only FAILED rows carry one (CHECK).
    private static final String CHANGE_STATUSES = """
            UPDATE transactions t SET status = u.status, failure_reason = u.reason, updated_at = now(),
                stripe_payment_intent_id = CASE WHEN u.object_kind = 'PAYMENT_INTENT'
                    THEN COALESCE(t.stripe_payment_intent_id, u.object_id) ELSE t.stripe_payment_intent_id END,
                stripe_transfer_id = CASE WHEN u.object_kind = 'TRANSFER'
                    THEN COALESCE(t.stripe_transfer_id, u.object_id) ELSE t.stripe_transfer_id END
            FROM unnest(CAST(:ids AS uuid[]), CAST(:types AS text[]), CAST(:froms AS text[]), CAST(:tos AS text[]),
                        CAST(:reasons AS text[]), CAST(:objectKinds AS text[]), CAST(:objectIds AS text[]),
                        CAST(:matches AS text[]))
                 AS u(id, type, from_statuses, status, reason, object_kind, object_id, object_match)
            WHERE t.id = u.id AND t.type = u.type AND t.status = ANY(string_to_array(u.from_statuses, ','))
              AND CASE u.object_match
                      WHEN 'UNSET' THEN (CASE u.object_kind WHEN 'PAYMENT_INTENT' THEN t.stripe_payment_intent_id
                                                            ELSE t.stripe_transfer_id END) IS NULL
                      WHEN 'SAME' THEN (CASE u.object_kind WHEN 'PAYMENT_INTENT' THEN t.stripe_payment_intent_id
                                                           ELSE t.stripe_transfer_id END) = u.object_id
                      WHEN 'UNSET_OR_SAME' THEN COALESCE(CASE u.object_kind
                                                             WHEN 'PAYMENT_INTENT' THEN t.stripe_payment_intent_id
                                                             ELSE t.stripe_transfer_id END, u.object_id) = u.object_id
                      ELSE true
                  END
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
    private final TransactionEventFactory events;

    JdbcLedgerTransitions(JdbcClient jdbc, JsonMapper json, TransactionEventFactory events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
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
    public void apply(List<Change> changes) {
        int expected = (int) changes.stream().filter(c -> c.transition().changesStatus()).count();
        int changed = changeStatuses(changes);
        if (changed != expected) {
            throw new ConcurrentTransitionException(expected - changed + " of " + expected
                    + " transactions left their status concurrently");
        }
        writeTheRest(changes);
    }

    @Override
    public boolean applyIfCurrent(Change change) {
        List<Change> changes = List.of(change);
        if (change.transition().changesStatus() && changeStatuses(changes) == 0) {
            return false;
        }
        writeTheRest(changes);
        return true;
    }

    /** Balances, postings, outbox events and audit entries, once the statuses changed. */
    private void writeTheRest(List<Change> changes) {
        List<Transition> transitions = changes.stream().map(Change::transition).toList();
        changeBalances(transitions);
        post(transitions);
        appendEvents(changes.stream().map(c -> events.of(c.row(), c.transition())).toList());
        jdbc.sql(OutboxStatements.NOTIFY).query().singleRow();   // wakes the relay when this commits
    }

    /** @return how many rows changed (movements write no status and are not counted) */
    private int changeStatuses(List<Change> changes) {
        List<Change> changing = changes.stream().filter(c -> c.transition().changesStatus()).toList();
        int n = changing.size();
        if (n == 0) {
            return 0;
        }
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        String[] reasons = new String[n];
        String[] objectKinds = new String[n];
        String[] objectIds = new String[n];
        String[] matches = new String[n];
        for (int i = 0; i < n; i++) {
            Transition t = changing.get(i).transition();
            ids[i] = t.transactionId();
            types[i] = changing.get(i).row().type().name();
            froms[i] = t.from().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            tos[i] = t.to().name();
            reasons[i] = t.reason() == null ? null : t.reason().name();
            StripeObject object = t.stripe();
            objectKinds[i] = object == null ? null : object.kind().name();
            objectIds[i] = object == null ? null : object.id();
            matches[i] = object == null ? StripeObject.Match.ANY.name() : object.match().name();
        }
        return jdbc.sql(CHANGE_STATUSES).param("ids", ids).param("types", types).param("froms", froms)
                .param("tos", tos).param("reasons", reasons).param("objectKinds", objectKinds)
                .param("objectIds", objectIds).param("matches", matches).update();
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
