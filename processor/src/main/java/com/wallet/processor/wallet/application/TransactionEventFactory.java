package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.processor.wallet.domain.Account;
import com.wallet.processor.wallet.domain.Postings;
import java.time.Clock;
import java.util.List;

/**
 * Builds the outbox event of one state change or money movement; the database stamps
 * {@code walletSequence} and the relay {@code sequence}. The event carries the wallet postings it
 * wrote, so folding the topic gives the balances (contract 6.6).
 */
public final class TransactionEventFactory {

    private final Clock clock;

    public TransactionEventFactory(Clock clock) {
        this.clock = clock;
    }

    /** A status change that moved no money. */
    public TransactionEvent changed(TransactionRecord tx, TransactionStatus status, FailureReason reason) {
        return event(tx, status, reason, List.of());
    }

    /** A status change together with the postings written in the same database transaction. */
    public TransactionEvent changed(TransactionRecord tx, TransactionStatus status, FailureReason reason, Postings postings) {
        return event(tx, status, reason, walletPostings(postings));
    }

    /** Money moved without a status change (a refund, a dispute): the event repeats the status. */
    public TransactionEvent moved(TransactionRecord tx, Postings postings) {
        return event(tx, tx.status(), tx.failureReason(), walletPostings(postings));
    }

    private TransactionEvent event(TransactionRecord tx, TransactionStatus status, FailureReason reason,
                                   List<WalletPosting> postings) {
        return TransactionEvent.of(tx.id(), tx.walletId(), tx.counterpartyWalletId(), tx.type(), status, tx.amount(),
                tx.currency(), reason, postings, clock.instant());
    }

    private static List<WalletPosting> walletPostings(Postings postings) {
        return postings.entries().stream()
                .filter(p -> p.account() == Account.WALLET)
                .map(p -> new WalletPosting(p.walletId(), p.amount()))
                .toList();
    }
}
