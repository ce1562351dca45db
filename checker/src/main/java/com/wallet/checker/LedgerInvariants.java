package com.wallet.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contract 6.1 and 6.2 over the ledger alone. */
final class LedgerInvariants {

    private LedgerInvariants() {
    }

    /** 6.1: no wallet balance below zero. */
    static final class BalanceNotNegative implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            for (LedgerSnapshot.Wallet w : e.ledger().wallets().values()) {
                if (w.balance() < 0) {
                    violations.add("wallet " + w.id() + " balance " + w.balance() + " " + w.currency());
                }
            }
            return InvariantResult.of("balance-not-negative", e.ledger().wallets().size() + " wallets", violations);
        }
    }

    /** 6.2: each wallet's balance is the sum of its postings. */
    static final class BalanceEqualsPostings implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            Map<UUID, Long> sums = e.ledger().walletPostingSums();
            for (LedgerSnapshot.Wallet w : e.ledger().wallets().values()) {
                long posted = sums.getOrDefault(w.id(), 0L);
                if (posted != w.balance()) {
                    violations.add("wallet " + w.id() + " balance " + w.balance() + " but its postings sum to " + posted);
                }
            }
            for (UUID wallet : sums.keySet()) {
                if (!e.ledger().wallets().containsKey(wallet)) {
                    violations.add("postings for wallet " + wallet + ", which does not exist");
                }
            }
            return InvariantResult.of("balance-equals-postings",
                    e.ledger().wallets().size() + " wallets, " + e.ledger().postingCount() + " postings", violations);
        }
    }

    /** 6.2: the postings of every transaction sum to zero. */
    static final class PostingsSumToZero implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            e.ledger().unbalanced().forEach((tx, sum) ->
                    violations.add("transaction " + tx + " postings sum to " + sum));
            long withPostings = e.ledger().postingGroups().stream().map(LedgerSnapshot.PostingGroup::transactionId)
                    .distinct().count();
            return InvariantResult.of("postings-sum-to-zero", withPostings + " transactions with postings", violations);
        }
    }
}
