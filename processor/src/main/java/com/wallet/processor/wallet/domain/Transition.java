package com.wallet.processor.wallet.domain;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One decided state change of a transaction: what the database applies together, in one
 * transaction with the other transitions of its batch. The status moves {@code from -> to} only
 * where the row still has {@code from}; the postings (none when no money moves) give the balance
 * deltas; {@code activeWalletsOnly} makes the balance update refuse a frozen wallet.
 */
public record Transition(UUID transactionId, String currency, TransactionStatus from, TransactionStatus to,
                         FailureReason reason, Postings postings, boolean activeWalletsOnly) {

    public Transition {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if ((to == TransactionStatus.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("exactly a FAILED transition has a reason");
        }
    }

    public static Transition completed(UUID transactionId, String currency, Postings postings) {
        return new Transition(transactionId, currency, TransactionStatus.PENDING, TransactionStatus.COMPLETED, null,
                Objects.requireNonNull(postings, "postings"), true);
    }

    public static Transition failed(UUID transactionId, String currency, FailureReason reason) {
        return new Transition(transactionId, currency, TransactionStatus.PENDING, TransactionStatus.FAILED, reason,
                null, true);
    }

    public boolean movesMoney() {
        return postings != null;
    }

    /**
     * The net balance change per wallet over {@code transitions}, zero changes left out, in first-touched
     * order: one guarded update per wallet per batch instead of one per posting.
     */
    public static Map<UUID, Long> netBalanceChanges(List<Transition> transitions) {
        Map<UUID, Long> net = new LinkedHashMap<>();
        for (Transition t : transitions) {
            if (!t.movesMoney()) {
                continue;
            }
            for (Posting p : t.postings().entries()) {
                if (p.account() == Account.WALLET) {
                    net.merge(p.walletId(), p.amount(), Math::addExact);
                }
            }
        }
        net.values().removeIf(change -> change == 0);
        return net;
    }
}
