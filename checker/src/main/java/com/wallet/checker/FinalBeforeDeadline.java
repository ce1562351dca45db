package com.wallet.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * 6.4: nothing accepted is lost. No transaction stays PENDING or PROCESSING past the deadline, and
 * no accepted command or state change waits for its relay past the outbox deadline.
 */
final class FinalBeforeDeadline implements Invariant {

    @Override
    public InvariantResult check(Evidence e) {
        List<String> violations = new ArrayList<>();
        int open = 0;
        for (LedgerSnapshot.Transaction tx : e.ledger().transactions().values()) {
            if (tx.isFinal()) {
                continue;
            }
            open++;
            if (tx.age().compareTo(e.deadline()) > 0) {
                violations.add(tx.type().toLowerCase() + " " + tx.id() + " still " + tx.status() + " after "
                        + tx.age().toSeconds() + " s (deadline " + e.deadline().toSeconds() + " s)");
            }
        }
        for (LedgerSnapshot.StaleCommand c : e.ledger().unpublishedCommands()) {
            if (c.waiting().compareTo(e.outboxDeadline()) > 0) {
                violations.add("command " + c.commandId() + " accepted " + c.waiting().toSeconds()
                        + " s ago and still not on wallet.commands");
            }
        }
        int unpublished = 0;
        for (LedgerSnapshot.OutboxRow row : e.ledger().outbox()) {
            if (!row.published()) {
                unpublished++;
                if (row.unpublishedFor().compareTo(e.outboxDeadline()) > 0) {
                    violations.add("event " + row.event().eventId() + " of transaction " + row.event().transactionId()
                            + " waiting " + row.unpublishedFor().toSeconds() + " s for the relay");
                }
            }
        }
        return new InvariantResult("final-before-deadline",
                e.ledger().transactions().size() + " transactions (" + open + " not final), "
                        + e.ledger().unpublishedCommands().size() + " unpublished commands, " + unpublished
                        + " unpublished events",
                violations, List.of());
    }
}
