package com.wallet.processor.wallet.application.transfer;

import com.wallet.processor.wallet.application.CommandChecks;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.money.Money;
import com.wallet.processor.wallet.application.CommandChecks;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.WalletLocks;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.TransferRun;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a run of transfers in one database transaction: lock -> read -> decide -> apply, each
 * step one statement for the whole run (about seven round trips and one commit for the run, not
 * per transfer).
 *
 * <p>The Redis locks are the run's source wallets, taken at once: the partition that owns a source
 * wallet already serializes its debits, so they only matter while two processors briefly both own
 * the partition (a rebalance), and then they keep the second one from doing the work twice.
 * Destination wallets are credited under their database row locks only: a credit cannot fail for
 * funds, and the one ordered {@code FOR NO KEY UPDATE} serializes it without deadlock. Correctness
 * never rests on the locks: processed_commands' primary key (each command once), the rows locked
 * for the decision, status-conditional updates and the guarded balance update with the CHECK.
 */
public class TransferBatchService {

    private final WalletLocks locks;
    private final TransactionTemplate transaction;
    private final LedgerTransitions ledger;

    public TransferBatchService(WalletLocks locks, TransactionTemplate transaction, LedgerTransitions ledger) {
        this.locks = locks;
        this.transaction = transaction;
        this.ledger = ledger;
    }

    /**
     * What a run did: one outcome for each command applied, from the first on; when {@code poison}
     * is set, the command after the applied ones is unappliable and nothing after it was applied.
     */
    public record Result(List<Outcome> outcomes, PoisonCommandException poison) {
    }

    public Result apply(List<TransferFunds> commands) {
        Set<UUID> sources = new TreeSet<>();
        commands.forEach(c -> sources.add(c.walletId()));
        try (WalletLocks.LockHandle ignored = locks.lockAll(sources)) {
            Attempt whole = attempt(commands);
            if (whole.poisonAt < 0) {
                return new Result(whole.outcomes, null);
            }
            if (whole.poisonAt == 0) {
                return new Result(List.of(), whole.poison);
            }
            // The run was rolled back (it had claimed the commands after the poison too): apply what precedes it.
            Attempt prefix = attempt(commands.subList(0, whole.poisonAt));
            if (prefix.poisonAt >= 0) {
                throw new IllegalStateException("a transfer run changed its verdict between two attempts");
            }
            return new Result(prefix.outcomes, whole.poison);
        }
    }

    /** One transfer on its own (the dispatcher's path): its outcome, or its poison thrown. */
    public Outcome applyOne(TransferFunds command) {
        Result result = apply(List.of(command));
        if (result.poison() != null) {
            throw result.poison();
        }
        return result.outcomes().get(0);
    }

    private Attempt attempt(List<TransferFunds> commands) {
        return transaction.execute(status -> {
            Attempt attempt = applyInTransaction(commands);
            if (attempt.poisonAt >= 0) {
                status.setRollbackOnly();
            }
            return attempt;
        });
    }

    private record Attempt(List<Outcome> outcomes, int poisonAt, PoisonCommandException poison) {
    }

    private Attempt applyInTransaction(List<TransferFunds> commands) {
        List<UUID> ids = commands.stream().map(TransferFunds::transactionId).toList();
        Set<UUID> fresh = new HashSet<>(ledger.claim(ids));
        Map<UUID, TransactionRecord> rows = ledger.transactions(fresh);

        Outcome[] outcomes = new Outcome[commands.size()];
        List<Integer> positions = new ArrayList<>();
        List<TransferRun.Request> requests = new ArrayList<>();
        Set<UUID> walletIds = new TreeSet<>();
        for (int i = 0; i < commands.size(); i++) {
            TransferFunds command = commands.get(i);
            if (!fresh.remove(command.transactionId())) {
                outcomes[i] = Outcome.DUPLICATE;     // applied before, or twice in this poll
                continue;
            }
            TransactionRecord tx = rows.get(command.transactionId());
            if (tx == null) {
                return poison(i, "no transaction row for command " + command.transactionId());
            }
            if (!CommandChecks.matches(command, tx)) {
                return poison(i, "command " + command.transactionId() + " disagrees with its transaction row");
            }
            if (tx.status() != TransactionStatus.PENDING) {
                outcomes[i] = Outcome.IGNORED;
                continue;
            }
            positions.add(i);
            requests.add(new TransferRun.Request(tx.id(), tx.walletId(), tx.counterpartyWalletId(),
                    Money.of(tx.amount(), tx.currency())));
            walletIds.add(tx.walletId());
            walletIds.add(tx.counterpartyWalletId());
        }

        Map<UUID, WalletState> wallets = walletIds.isEmpty() ? Map.of() : ledger.lockWallets(walletIds);
        List<TransferRun.Verdict> verdicts = TransferRun.decide(requests, wallets);
        List<LedgerTransitions.Change> changes = new ArrayList<>(verdicts.size());
        for (int k = 0; k < verdicts.size(); k++) {
            int i = positions.get(k);
            if (verdicts.get(k) instanceof TransferRun.Unappliable unappliable) {
                return poison(i, unappliable.why());
            }
            Transition t = ((TransferRun.Decided) verdicts.get(k)).transition();
            changes.add(new LedgerTransitions.Change(rows.get(t.transactionId()), t));
            outcomes[i] = t.to() == TransactionStatus.COMPLETED ? Outcome.COMPLETED : Outcome.FAILED;
        }
        if (!changes.isEmpty()) {
            ledger.apply(changes);
        }
        return new Attempt(List.of(outcomes), -1, null);
    }

    private static Attempt poison(int index, String why) {
        return new Attempt(List.of(), index, new PoisonCommandException(why));
    }
}
