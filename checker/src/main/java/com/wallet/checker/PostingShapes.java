package com.wallet.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What each transaction should have posted, given its type and status, against what it did.
 * Money posted short or to the wrong account breaks double entry (6.2); money posted more often
 * than the transaction could apply it means a command or a Stripe event was applied twice (6.3).
 *
 * <p>Per status: a transfer posts TRANSFER (source -a, destination +a) once it is COMPLETED; a
 * deposit posts DEPOSIT (wallet +a / clearing -a) once COMPLETED, and later refunds or disputes
 * take back at most what it credited; a withdrawal posts WITHDRAWAL (wallet -a / clearing +a) from
 * PROCESSING on and WITHDRAWAL_REVERSAL back up to a: all of it when FAILED (PAYOUT_FAILED) or
 * REVERSED, part of it at most while COMPLETED. Nothing else posts.
 */
final class PostingShapes {

    /** Kinds written once per transaction (per wallet), each against the named other account. */
    private static final Set<String> SINGLE = Set.of("TRANSFER", "DEPOSIT", "WITHDRAWAL");
    private static final Set<String> CLEARED = Set.of("DEPOSIT", "WITHDRAWAL", "WITHDRAWAL_REVERSAL");
    /** Clearing postings that take a deposit back (reinstatements are negative). */
    private static final Set<String> TAKEN_BACK = Set.of("REFUND", "DISPUTE", "DISPUTE_REINSTATEMENT");

    final List<String> wrong = new ArrayList<>();
    final List<String> twice = new ArrayList<>();
    int examined;

    PostingShapes(LedgerSnapshot ledger) {
        Map<UUID, List<LedgerSnapshot.PostingGroup>> byTransaction = new HashMap<>();
        for (LedgerSnapshot.PostingGroup g : ledger.postingGroups()) {
            byTransaction.computeIfAbsent(g.transactionId(), k -> new ArrayList<>()).add(g);
        }
        for (LedgerSnapshot.Transaction tx : ledger.transactions().values()) {
            examined++;
            check(tx, byTransaction.getOrDefault(tx.id(), List.of()));
        }
    }

    private void check(LedgerSnapshot.Transaction tx, List<LedgerSnapshot.PostingGroup> groups) {
        String name = tx.type().toLowerCase() + " " + tx.id() + " (" + tx.status() + ")";
        for (LedgerSnapshot.PostingGroup g : groups) {
            if (SINGLE.contains(g.kind()) && g.count() > 1) {
                twice.add(name + ": " + g.count() + " " + g.kind() + " postings to " + account(g));
            }
        }
        balancedPerKind(name, groups);
        switch (tx.type()) {
            case "TRANSFER" -> transfer(tx, name, groups);
            case "DEPOSIT" -> deposit(tx, name, groups);
            case "WITHDRAWAL" -> withdrawal(tx, name, groups);
            default -> wrong.add(name + ": unknown type");
        }
    }

    private void balancedPerKind(String name, List<LedgerSnapshot.PostingGroup> groups) {
        Map<String, Long> byKind = new HashMap<>();
        for (LedgerSnapshot.PostingGroup g : groups) {
            if (SINGLE.contains(g.kind()) || CLEARED.contains(g.kind())) {
                byKind.merge(g.kind(), g.sum(), Long::sum);
                if (!g.account().equals("WALLET") && !g.account().equals("STRIPE_CLEARING")) {
                    wrong.add(name + ": " + g.kind() + " posted to " + g.account());
                }
                if (g.kind().equals("TRANSFER") && !g.account().equals("WALLET")) {
                    wrong.add(name + ": a transfer posted to " + g.account());
                }
            }
        }
        byKind.forEach((kind, sum) -> {
            if (sum != 0) {
                wrong.add(name + ": its " + kind + " postings sum to " + sum + " (one side missing)");
            }
        });
    }

    private void transfer(LedgerSnapshot.Transaction tx, String name, List<LedgerSnapshot.PostingGroup> groups) {
        if (!tx.status().equals("COMPLETED")) {
            nothingPosted(name, groups);
            return;
        }
        expectOnce(name, groups, "TRANSFER", tx.walletId(), -tx.amount());
        expectOnce(name, groups, "TRANSFER", tx.counterpartyWalletId(), tx.amount());
        unexpectedKinds(name, groups, Set.of("TRANSFER"));
    }

    private void deposit(LedgerSnapshot.Transaction tx, String name, List<LedgerSnapshot.PostingGroup> groups) {
        if (!tx.status().equals("COMPLETED")) {
            nothingPosted(name, groups);
            return;
        }
        expectOnce(name, groups, "DEPOSIT", tx.walletId(), tx.amount());
        long takenBack = 0;
        for (LedgerSnapshot.PostingGroup g : groups) {
            if (TAKEN_BACK.contains(g.kind()) && g.account().equals("STRIPE_CLEARING")) {
                takenBack += g.sum();
            }
        }
        if (takenBack > tx.amount()) {
            twice.add(name + ": refunds and disputes took back " + takenBack + " of a deposit of " + tx.amount());
        }
        if (takenBack < 0) {
            twice.add(name + ": reinstated " + (-takenBack) + " more than refunds and disputes took back");
        }
        unexpectedKinds(name, groups, Set.of("DEPOSIT", "REFUND", "DISPUTE", "DISPUTE_REINSTATEMENT", "SHORTFALL"));
    }

    private void withdrawal(LedgerSnapshot.Transaction tx, String name, List<LedgerSnapshot.PostingGroup> groups) {
        boolean debited = switch (tx.status()) {
            case "PROCESSING", "COMPLETED", "REVERSED" -> true;
            case "FAILED" -> "PAYOUT_FAILED".equals(tx.failureReason());
            default -> false;
        };
        if (!debited) {
            nothingPosted(name, groups);
            return;
        }
        expectOnce(name, groups, "WITHDRAWAL", tx.walletId(), -tx.amount());
        long credited = walletSum(groups, "WITHDRAWAL_REVERSAL", tx.walletId());
        boolean givenBack = tx.status().equals("REVERSED") || tx.status().equals("FAILED");
        if (credited > tx.amount()) {
            twice.add(name + ": credited back " + credited + " of a withdrawal of " + tx.amount());
        } else if (givenBack && credited != tx.amount()) {
            wrong.add(name + ": credited back " + credited + ", expected " + tx.amount());
        } else if (!givenBack && (tx.status().equals("PROCESSING") ? credited != 0 : credited >= tx.amount())) {
            wrong.add(name + ": credited back " + credited + " while " + tx.status());
        }
        unexpectedKinds(name, groups, Set.of("WITHDRAWAL", "WITHDRAWAL_REVERSAL"));
    }

    private void expectOnce(String name, List<LedgerSnapshot.PostingGroup> groups, String kind, UUID wallet, long amount) {
        long posted = walletSum(groups, kind, wallet);
        if (posted == 0) {
            wrong.add(name + ": no " + kind + " posting of " + amount + " to wallet " + wallet);
        } else if (Math.abs(posted) > Math.abs(amount) && Long.signum(posted) == Long.signum(amount)) {
            twice.add(name + ": " + kind + " posted " + posted + " to wallet " + wallet + ", expected " + amount);
        } else if (posted != amount) {
            wrong.add(name + ": " + kind + " posted " + posted + " to wallet " + wallet + ", expected " + amount);
        }
    }

    private void nothingPosted(String name, List<LedgerSnapshot.PostingGroup> groups) {
        for (LedgerSnapshot.PostingGroup g : groups) {
            wrong.add(name + ": posted " + g.sum() + " " + g.kind() + " to " + account(g) + " without completing");
        }
    }

    private void unexpectedKinds(String name, List<LedgerSnapshot.PostingGroup> groups, Set<String> allowed) {
        for (LedgerSnapshot.PostingGroup g : groups) {
            if (!allowed.contains(g.kind())) {
                wrong.add(name + ": unexpected " + g.kind() + " posting to " + account(g));
            }
        }
    }

    private static long walletSum(List<LedgerSnapshot.PostingGroup> groups, String kind, UUID wallet) {
        long sum = 0;
        for (LedgerSnapshot.PostingGroup g : groups) {
            if (g.kind().equals(kind) && g.account().equals("WALLET") && wallet.equals(g.walletId())) {
                sum += g.sum();
            }
        }
        return sum;
    }

    private static String account(LedgerSnapshot.PostingGroup g) {
        return g.walletId() == null ? g.account() : "wallet " + g.walletId();
    }

    /** 6.2: every completed movement is double-entry, against the right accounts, in full. */
    static final class DoubleEntry implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            PostingShapes shapes = new PostingShapes(e.ledger());
            return InvariantResult.of("double-entry-per-status", shapes.examined + " transactions", shapes.wrong);
        }
    }

    /** 6.3: no command or Stripe event applied twice (no posting beyond one application). */
    static final class AppliedAtMostOnce implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            PostingShapes shapes = new PostingShapes(e.ledger());
            return InvariantResult.of("applied-at-most-once", shapes.examined + " transactions", shapes.twice);
        }
    }
}
