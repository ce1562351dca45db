package com.wallet.checker;

import com.wallet.common.messaging.WalletPosting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 6.6 on wallet.transactions, against the outbox it is relayed from. Delivery is at least once,
 * so a record seen again with the same eventId is a redelivery (consumers de-duplicate on it), not
 * a violation; two events for one state change are.
 */
final class TopicInvariants {

    /** Status moves a transaction may make; staying put is allowed only for an event that moved money. */
    private static final Map<String, Set<String>> NEXT = Map.of(
            "PENDING", Set.of("PROCESSING", "COMPLETED", "FAILED"),
            "PROCESSING", Set.of("COMPLETED", "FAILED", "REVERSED"),
            "COMPLETED", Set.of("REVERSED"),
            "FAILED", Set.of(),
            "REVERSED", Set.of());

    private TopicInvariants() {
    }

    /** The first record of each eventId, in partition and offset order. */
    private static Map<UUID, TopicEvent> distinct(List<TopicEvent> topic) {
        Map<UUID, TopicEvent> first = new LinkedHashMap<>();
        for (TopicEvent t : topic) {
            if (t.event().eventId() != null) {
                first.putIfAbsent(t.event().eventId(), t);
            }
        }
        return first;
    }

    /** No missing, duplicated or out-of-order state change per wallet; walletSequence contiguous. */
    static final class CompleteAndOrdered implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Map<UUID, LedgerSnapshot.OutboxRow> outbox = new HashMap<>();
            for (LedgerSnapshot.OutboxRow row : e.ledger().outbox()) {
                outbox.put(row.event().eventId(), row);
            }
            Map<UUID, TopicEvent> seen = distinct(e.topic());
            int redelivered = 0;
            int purgedOnTopic = 0;
            Set<UUID> counted = new HashSet<>();
            for (TopicEvent t : e.topic()) {
                PublishedEvent ev = t.event();
                if (ev.eventId() == null || ev.walletId() == null || ev.transactionId() == null) {
                    violations.add("partition " + t.partition() + " offset " + t.offset() + " is not a transaction event");
                    continue;
                }
                if (!counted.add(ev.eventId())) {
                    redelivered++;
                    continue;
                }
                if (!ev.walletId().toString().equals(t.key())) {
                    violations.add("event " + ev.eventId() + " names wallet " + ev.walletId() + " but is keyed " + t.key());
                }
                if (!outbox.containsKey(ev.eventId())) {
                    if (purged(e.ledger(), ev)) {
                        purgedOnTopic++;
                    } else {
                        violations.add("event " + ev.eventId() + " (transaction " + ev.transactionId() + ", "
                                + ev.status() + ") is on the topic but not in the outbox");
                    }
                }
            }
            for (LedgerSnapshot.OutboxRow row : e.ledger().outbox()) {
                if (row.publishedBeforeCutoff() && !seen.containsKey(row.event().eventId())) {
                    violations.add("event " + row.event().eventId() + " (transaction " + row.event().transactionId()
                            + ", " + row.event().status() + ") was published but is missing from the topic");
                }
            }
            topicSequences(seen.values(), violations);
            outboxSequences(e.ledger(), violations);
            stateChanges(e.ledger(), violations);
            if (redelivered > 0) {
                notes.add(redelivered + " redelivered record(s) with an eventId already seen (at-least-once delivery)");
            }
            if (purgedOnTopic > 0) {
                notes.add(purgedOnTopic + " record(s) of events the retention purge removed from the outbox");
            }
            return new InvariantResult("topic-complete-and-ordered",
                    e.topic().size() + " records (" + seen.size() + " distinct events), " + e.ledger().outbox().size()
                            + " outbox events", violations, notes);
        }

        /** An event keyed by a wallet whose outbox was purged up to (at least) its walletSequence. */
        private static boolean purged(LedgerSnapshot ledger, PublishedEvent ev) {
            return ev.walletSequence() > 0 && ev.walletSequence() <= ledger.purgedOf(ev.walletId()).throughSequence();
        }

        /** Per key, walletSequence rises by exactly one in offset order. */
        private static void topicSequences(Iterable<TopicEvent> events, List<String> violations) {
            Map<String, Long> expected = new HashMap<>();
            Map<String, Set<Long>> taken = new HashMap<>();
            for (TopicEvent t : events) {
                long ws = t.event().walletSequence();
                if (ws == 0) {
                    continue; // schema version 1: no walletSequence yet
                }
                long next = expected.getOrDefault(t.key(), 1L);
                boolean duplicate = !taken.computeIfAbsent(t.key(), k -> new HashSet<>()).add(ws);
                if (duplicate) {
                    violations.add("wallet " + t.key() + ": walletSequence " + ws + " carried by two events (second: "
                            + t.event().eventId() + ")");
                } else if (ws < next) {
                    violations.add("wallet " + t.key() + ": walletSequence " + ws + " after " + (next - 1)
                            + " (out of order, partition " + t.partition() + " offset " + t.offset() + ")");
                } else if (ws > next) {
                    violations.add("wallet " + t.key() + ": walletSequence jumps from " + (next - 1) + " to " + ws
                            + " (gap on the topic)");
                }
                expected.put(t.key(), Math.max(next, ws + 1));
            }
        }

        /** The outbox itself: each wallet's events numbered 1..n without a hole (a removed event leaves one). */
        private static void outboxSequences(LedgerSnapshot ledger, List<String> violations) {
            Map<UUID, List<Long>> byWallet = new HashMap<>();
            for (LedgerSnapshot.OutboxRow row : ledger.outbox()) {
                if (row.walletSequence() > 0) {
                    byWallet.computeIfAbsent(row.event().walletId(), k -> new ArrayList<>()).add(row.walletSequence());
                }
            }
            byWallet.forEach((wallet, sequences) -> {
                sequences.sort(Comparator.naturalOrder());
                long first = ledger.purgedOf(wallet).throughSequence() + 1; // 1..through purged on purpose
                for (int i = 0; i < sequences.size(); i++) {
                    if (sequences.get(i) != first + i) {
                        violations.add("wallet " + wallet + ": outbox walletSequence " + (first + i) + " is missing");
                        return;
                    }
                }
            });
        }

        /** Each transaction's events: first PENDING, valid moves, no repeat, the last one its current status. */
        private static void stateChanges(LedgerSnapshot ledger, List<String> violations) {
            Map<UUID, List<LedgerSnapshot.OutboxRow>> byTransaction = new LinkedHashMap<>();
            for (LedgerSnapshot.OutboxRow row : ledger.outbox()) {
                byTransaction.computeIfAbsent(row.event().transactionId(), k -> new ArrayList<>()).add(row);
            }
            for (LedgerSnapshot.Transaction tx : ledger.transactions().values()) {
                List<LedgerSnapshot.OutboxRow> rows = byTransaction.getOrDefault(tx.id(), List.of());
                String name = tx.type().toLowerCase() + " " + tx.id();
                // Its first events (or all) may be purged: judge the moves that remain.
                boolean purged = ledger.purgedTransactions().contains(tx.id());
                if (rows.isEmpty() && purged) {
                    continue;
                }
                if (rows.isEmpty()) {
                    violations.add(name + " (" + tx.status() + ") has no event at all");
                    continue;
                }
                // Version 1 events (walletSequence 0) keep their outbox order and come first.
                List<LedgerSnapshot.OutboxRow> ordered = new ArrayList<>(rows);
                ordered.sort(Comparator.comparingLong(LedgerSnapshot.OutboxRow::walletSequence));
                String previous = null;
                for (LedgerSnapshot.OutboxRow row : ordered) {
                    String status = row.event().status();
                    boolean moved = row.event().postings() != null && !row.event().postings().isEmpty();
                    if (previous == null) {
                        if (!"PENDING".equals(status) && !purged) {
                            violations.add(name + ": first event is " + status + ", its PENDING event is missing");
                        }
                    } else if (previous.equals(status)) {
                        if (!moved) {
                            violations.add(name + ": state change to " + status + " published twice");
                        }
                    } else if (!NEXT.getOrDefault(previous, Set.of()).contains(status)) {
                        violations.add(name + ": event " + status + " after " + previous + " (missing or out of order)");
                    }
                    previous = status;
                }
                if (!tx.status().equals(previous)) {
                    violations.add(name + " is " + tx.status() + " but its last event says " + previous
                            + " (a state change was not published)");
                }
            }
        }
    }

    /** Folding the events' postings per wallet gives each wallet's balance. */
    static final class FoldEqualsBalances implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            long withoutPostings = e.ledger().outbox().stream().filter(r -> !r.event().carriesPostings()).count();
            if (withoutPostings > 0) {
                return new InvariantResult("topic-fold-equals-balances", e.ledger().outbox().size() + " events",
                        List.of(), List.of(withoutPostings + " event(s) of schema version 1 carry no postings: "
                        + "the fold is checked once every event carries them"));
            }
            Map<UUID, LedgerSnapshot.OutboxRow> outbox = new HashMap<>();
            for (LedgerSnapshot.OutboxRow row : e.ledger().outbox()) {
                outbox.put(row.event().eventId(), row);
            }
            Map<UUID, TopicEvent> seen = distinct(e.topic());
            Map<UUID, Long> fold = new HashMap<>();
            int fromTopic = 0;
            for (TopicEvent t : seen.values()) {
                if (outbox.containsKey(t.event().eventId()) && t.event().carriesPostings()) {
                    add(fold, t.event().postings());
                    fromTopic++;
                }
            }
            // The purged events' postings, kept per wallet by the purge (their records, if still on
            // the topic, are not in the outbox and were left out above).
            for (LedgerSnapshot.Purged p : e.ledger().purged().values()) {
                if (p.postings() != 0) {
                    fold.merge(p.walletId(), p.postings(), Math::addExact);
                }
            }
            int notYetOnTopic = 0;
            for (LedgerSnapshot.OutboxRow row : e.ledger().outbox()) {
                if (!seen.containsKey(row.event().eventId()) && !row.publishedBeforeCutoff()) {
                    add(fold, row.event().postings()); // committed, on its way to the topic
                    notYetOnTopic++;
                }
            }
            for (LedgerSnapshot.Wallet w : e.ledger().wallets().values()) {
                long folded = fold.getOrDefault(w.id(), 0L);
                if (folded != w.balance()) {
                    violations.add("wallet " + w.id() + " balance " + w.balance() + " but its events fold to " + folded);
                }
            }
            return new InvariantResult("topic-fold-equals-balances",
                    fromTopic + " events from the topic + " + notYetOnTopic + " not yet relayed, "
                            + e.ledger().wallets().size() + " wallets", violations, List.of());
        }

        private static void add(Map<UUID, Long> fold, List<WalletPosting> postings) {
            for (WalletPosting p : postings) {
                fold.merge(p.walletId(), p.amount(), Math::addExact);
            }
        }
    }
}
