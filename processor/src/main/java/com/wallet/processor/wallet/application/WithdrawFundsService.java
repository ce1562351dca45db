package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.domain.Decision;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A withdrawal: under the wallet lock, one transaction debits the wallet against the Stripe
 * clearing account (PENDING -> PROCESSING); after commit and outside any transaction a Stripe
 * Transfer is created with the key "withdrawal-&lt;txId&gt;"; success completes it, a failure
 * after retries restores the funds (WITHDRAWAL_REVERSAL postings) and ends FAILED PAYOUT_FAILED.
 * A redelivered command whose transaction is still PROCESSING calls Stripe again with the same key.
 */
public class WithdrawFundsService {

    private static final Logger log = LoggerFactory.getLogger(WithdrawFundsService.class);

    private final WalletLocks locks;
    private final TransactionTemplate transaction;
    private final ProcessedCommands processed;
    private final Transactions transactions;
    private final Wallets wallets;
    private final Ledger ledger;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;
    private final PaymentGateway payments;
    private final String defaultDestination;

    public WithdrawFundsService(WalletLocks locks, TransactionTemplate transaction, ProcessedCommands processed,
                                Transactions transactions, Wallets wallets, Ledger ledger, TransactionEvents events,
                                TransactionEventFactory eventFactory, PaymentGateway payments, String defaultDestination) {
        this.locks = locks;
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.wallets = wallets;
        this.ledger = ledger;
        this.events = events;
        this.eventFactory = eventFactory;
        this.payments = payments;
        this.defaultDestination = defaultDestination;
    }

    public Outcome withdraw(WithdrawFunds command) {
        TransactionRecord tx;
        Outcome outcome;
        try (WalletLocks.LockHandle ignored = locks.lock(List.of(command.walletId()))) {
            Debit debit = transaction.execute(status -> debit(command));
            tx = debit.transaction();
            outcome = debit.outcome();
        }
        if (outcome != Outcome.PROCESSING) {
            return outcome;
        }
        String destination = wallets.stripeAccountId(tx.walletId()).orElse(defaultDestination);
        PaymentGateway.PayoutResult result = payments.createPayout(new PaymentGateway.Payout(
                tx.id(), tx.walletId(), tx.amount(), tx.currency(), destination));
        if (result instanceof PaymentGateway.PayoutCreated created) {
            return transaction.execute(status -> complete(tx, created.transferId()));
        }
        if (result instanceof PaymentGateway.PayoutFailed failed) {
            log.warn("withdrawal {} payout failed: {}", tx.id(), failed.error());
            try (WalletLocks.LockHandle ignored = locks.lock(List.of(tx.walletId()))) {
                return transaction.execute(status -> restore(tx));
            }
        }
        throw new IllegalStateException("unhandled payout result " + result.getClass().getSimpleName());
    }

    private record Debit(TransactionRecord transaction, Outcome outcome) {
    }

    private Debit debit(WithdrawFunds command) {
        boolean first = processed.markProcessed(command.transactionId());
        TransactionRecord tx = CommandChecks.requireMatchingRow(command, transactions);
        if (tx.status() == TransactionStatus.PROCESSING) {
            return new Debit(tx, Outcome.PROCESSING); // redelivered mid-payout: ask Stripe again, same key
        }
        if (!first || tx.status() != TransactionStatus.PENDING) {
            return new Debit(tx, first ? Outcome.IGNORED : Outcome.DUPLICATE);
        }
        List<WalletState> state = wallets.lockForUpdate(List.of(tx.walletId()));
        if (state.isEmpty()) {
            throw new PoisonCommandException("withdrawal " + tx.id() + " names a wallet that does not exist");
        }
        Decision decision = WalletRules.withdrawal(tx.amount(), tx.currency(), state.get(0));
        if (decision instanceof Decision.Rejected rejected) {
            changeStatus(tx, Set.of(TransactionStatus.PENDING), TransactionStatus.FAILED, rejected.reason());
            return new Debit(tx, Outcome.FAILED);
        }
        if (decision instanceof Decision.Accepted accepted) {
            if (!wallets.debitActive(tx.walletId(), tx.amount())) {
                throw new IllegalStateException("conditional debit of withdrawal " + tx.id() + " matched no row");
            }
            ledger.post(tx.id(), tx.currency(), accepted.postings());
            if (!transactions.changeStatus(tx.id(), Set.of(TransactionStatus.PENDING), TransactionStatus.PROCESSING, null)) {
                throw new IllegalStateException("transaction " + tx.id() + " changed status concurrently");
            }
            events.append(eventFactory.changed(tx, TransactionStatus.PROCESSING, null, accepted.postings()));
            return new Debit(tx, Outcome.PROCESSING);
        }
        throw new IllegalStateException("unhandled decision " + decision.getClass().getSimpleName());
    }

    private Outcome complete(TransactionRecord tx, String transferId) {
        if (transactions.completePayout(tx.id(), transferId)) {
            events.append(eventFactory.changed(tx, TransactionStatus.COMPLETED, null));
            return Outcome.COMPLETED;
        }
        return Outcome.IGNORED; // already reversed by a transfer.reversed event
    }

    private Outcome restore(TransactionRecord tx) {
        if (!transactions.changeStatus(tx.id(), Set.of(TransactionStatus.PROCESSING), TransactionStatus.FAILED,
                FailureReason.PAYOUT_FAILED)) {
            return Outcome.IGNORED;
        }
        wallets.credit(tx.walletId(), tx.amount());
        Postings postings = WalletRules.withdrawalReversal(tx.amount(), tx.walletId());
        ledger.post(tx.id(), tx.currency(), postings);
        events.append(eventFactory.changed(tx, TransactionStatus.FAILED, FailureReason.PAYOUT_FAILED, postings));
        return Outcome.FAILED;
    }

    private void changeStatus(TransactionRecord tx, Set<TransactionStatus> from, TransactionStatus to, FailureReason reason) {
        if (!transactions.changeStatus(tx.id(), from, to, reason)) {
            throw new IllegalStateException("transaction " + tx.id() + " changed status concurrently");
        }
        events.append(eventFactory.changed(tx, to, reason));
    }
}
