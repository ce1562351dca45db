package com.wallet.checker;

import java.util.List;

/**
 * What one invariant found: its stable name, what it examined ("1,204 wallets, 9,880 postings")
 * and every violation, each a line naming the object that broke it.
 */
public record InvariantResult(String name, String examined, List<String> violations, List<String> notes) {

    public InvariantResult {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    public static InvariantResult of(String name, String examined, List<String> violations) {
        return new InvariantResult(name, examined, violations, List.of());
    }

    public boolean holds() {
        return violations.isEmpty();
    }
}
