package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.messaging.TransactionEvent;
import com.wallet.common.messaging.WalletPosting;
import com.wallet.processor.wallet.domain.Account;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.Transition;
import java.time.Clock;
import java.util.List;

/**
 * Builds the outbox event of one transition: the one place an event of the processor is made, by the
 * port that applies the transition. The database stamps {@code walletSequence} and the relay
 * {@code sequence}. The event carries the wallet postings the transition wrote, so folding the topic
 * gives the balances (contract 6.6); a movement without a status change repeats the status.
 */
public final class TransactionEventFactory {

    private final Clock clock;

    public TransactionEventFactory(Clock clock) {
        this.clock = clock;
    }

    /** The event of {@code transition}, decided on the row {@code tx}. */
    public TransactionEvent of(TransactionRecord tx, Transition transition) {
        List<WalletPosting> postings = transition.movesMoney() ? walletPostings(transition.postings()) : List.of();
        return TransactionEvent.of(tx.id(), tx.walletId(), tx.counterpartyWalletId(), tx.type(), transition.to(),
                tx.amount(), tx.currency(), transition.reason(), postings, clock.instant());
    }

    private static List<WalletPosting> walletPostings(Postings postings) {
        return postings.entries().stream()
                .filter(p -> p.account() == Account.WALLET)
                .map(p -> new WalletPosting(p.walletId(), p.amount()))
                .toList();
    }
}
