package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The transitions port for unit tests: records every change offered and applies it (or, with
 * {@link #current} false, answers that its row moved on meanwhile, as the conditional update would).
 */
public class FakeLedgerTransitions implements LedgerTransitions {

    /** false: every conditional change finds its row changed by another path first */
    public boolean current = true;
    public final Map<UUID, WalletState> wallets = new HashMap<>();
    private final List<Transition> attempted = new ArrayList<>();
    private final List<Transition> applied = new ArrayList<>();

    /** Every change offered, applied or not. */
    public List<Transition> attempted() {
        return List.copyOf(attempted);
    }

    /** The changes written (each with its event). */
    public List<Transition> applied() {
        return List.copyOf(applied);
    }

    /** What the applied changes credited (+) or debited (-) to the wallet. */
    public long balanceChangeOf(UUID walletId) {
        return applied.stream().filter(Transition::movesMoney).mapToLong(t -> t.postings().changeOf(walletId)).sum();
    }

    @Override
    public Set<UUID> claim(List<UUID> commandIds) {
        return Set.copyOf(commandIds);
    }

    @Override
    public Map<UUID, TransactionRecord> transactions(Collection<UUID> ids) {
        return Map.of();
    }

    @Override
    public Map<UUID, WalletState> lockWallets(Collection<UUID> walletIds) {
        Map<UUID, WalletState> found = new HashMap<>();
        walletIds.stream().filter(wallets::containsKey).forEach(id -> found.put(id, wallets.get(id)));
        return found;
    }

    @Override
    public void apply(List<Change> changes) {
        changes.forEach(c -> {
            if (!applyIfCurrent(c)) {
                throw new ConcurrentTransitionException("not current");
            }
        });
    }

    @Override
    public boolean applyIfCurrent(Change change) {
        attempted.add(change.transition());
        if (change.transition().changesStatus() && !current) {
            return false;
        }
        applied.add(change.transition());
        return true;
    }
}
