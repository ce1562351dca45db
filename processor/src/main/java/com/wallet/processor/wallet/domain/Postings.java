package com.wallet.processor.wallet.domain;

import java.util.List;

/** A balanced group of postings: what one state change of a transaction writes to the ledger. */
public record Postings(List<Posting> entries) {

    public Postings {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no postings");
        }
        long sum = 0;
        for (Posting p : entries) {
            sum = Math.addExact(sum, p.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("postings must sum to zero");
        }
    }

    public static Postings of(Posting... entries) {
        return new Postings(List.of(entries));
    }

    /** The signed change of one wallet's balance in this group (0 if it is not touched). */
    public long changeOf(java.util.UUID walletId) {
        long change = 0;
        for (Posting p : entries) {
            if (walletId.equals(p.walletId())) {
                change = Math.addExact(change, p.amount());
            }
        }
        return change;
    }
}
