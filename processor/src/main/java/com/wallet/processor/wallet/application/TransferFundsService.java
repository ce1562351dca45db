package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.processor.wallet.domain.Decision;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a transfer: lock both wallets (ascending id) -> one database transaction -> release.
 *
 * <p>The Redis lock only keeps concurrent processors from contending on the same rows. What makes
 * the transfer correct even if the lock is lost or two consumers briefly own a partition: the
 * primary key of processed_commands (a redelivered command inserts nothing and stops), the row
 * locks taken in ascending id order, the conditional balance updates ({@code balance >= :amount}
 * plus the CHECK constraint) and the status condition ({@code WHERE status = 'PENDING'}).
 */
public class TransferFundsService {

    private final WalletLocks locks;
    private final TransactionTemplate transaction;
    private final ProcessedCommands processed;
    private final Transactions transactions;
    private final Wallets wallets;
    private final Ledger ledger;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;

    public TransferFundsService(WalletLocks locks, TransactionTemplate transaction, ProcessedCommands processed,
                                Transactions transactions, Wallets wallets, Ledger ledger, TransactionEvents events,
                                TransactionEventFactory eventFactory) {
        this.locks = locks;
        this.transaction = transaction;
        this.processed = processed;
        this.transactions = transactions;
        this.wallets = wallets;
        this.ledger = ledger;
        this.events = events;
        this.eventFactory = eventFactory;
    }

    public Outcome transfer(TransferFunds command) {
        try (WalletLocks.LockHandle ignored = locks.lock(List.of(command.walletId(), command.toWalletId()))) {
            return transaction.execute(status -> applyInTransaction(command));
        }
    }

    private Outcome applyInTransaction(TransferFunds command) {
        if (!processed.markProcessed(command.transactionId())) {
            return Outcome.DUPLICATE;
        }
        TransactionRecord tx = CommandChecks.requireMatchingRow(command, transactions);
        if (tx.status() != TransactionStatus.PENDING) {
            return Outcome.IGNORED;
        }
        Map<UUID, WalletState> state = wallets.lockForUpdate(WalletOrder.ascending(List.of(tx.walletId(), tx.counterpartyWalletId())))
                .stream().collect(Collectors.toMap(WalletState::id, Function.identity()));
        WalletState source = state.get(tx.walletId());
        WalletState destination = state.get(tx.counterpartyWalletId());
        if (source == null || destination == null) {
            throw new PoisonCommandException("transfer " + tx.id() + " names a wallet that does not exist");
        }
        Decision decision = WalletRules.transfer(tx.amount(), tx.currency(), source, destination);
        if (decision instanceof Decision.Accepted accepted) {
            // Balance updates in ascending wallet id order, the same order as the row locks above.
            for (UUID walletId : WalletOrder.ascending(List.of(source.id(), destination.id()))) {
                long change = accepted.postings().changeOf(walletId);
                boolean applied = change < 0 ? wallets.debitActive(walletId, -change) : wallets.creditActive(walletId, change);
                if (!applied) {
                    // Cannot happen while the rows are locked; if it does, roll back and let Kafka retry.
                    throw new IllegalStateException("conditional balance update of transfer " + tx.id() + " matched no row");
                }
            }
            ledger.post(tx.id(), tx.currency(), accepted.postings());
            return finish(tx, TransactionStatus.COMPLETED, null, accepted.postings());
        }
        if (decision instanceof Decision.Rejected rejected) {
            return finish(tx, TransactionStatus.FAILED, rejected.reason(), null);
        }
        throw new IllegalStateException("unhandled decision " + decision.getClass().getSimpleName());
    }

    private Outcome finish(TransactionRecord tx, TransactionStatus to, FailureReason reason, Postings postings) {
        if (!transactions.changeStatus(tx.id(), Set.of(TransactionStatus.PENDING), to, reason)) {
            throw new IllegalStateException("transaction " + tx.id() + " left PENDING concurrently");
        }
        events.append(postings == null ? eventFactory.changed(tx, to, reason) : eventFactory.changed(tx, to, reason, postings));
        return to == TransactionStatus.COMPLETED ? Outcome.COMPLETED : Outcome.FAILED;
    }
}
