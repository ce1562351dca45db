package com.wallet.gateway.wallet.application;

import com.wallet.common.messaging.TransactionStatus;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * {@code transactionUpdated(id)}: the transaction's current state at once, then its state after every
 * change published on wallet.transactions, completing after a final status. Each change is read back
 * through {@link TransactionQueries}, so the subscriber sees exactly what {@code getTransaction} would
 * show it (the same ownership rules, the description for its owner only), never the event itself.
 */
public class TransactionUpdates {

    private static final Set<TransactionStatus> FINAL =
            EnumSet.of(TransactionStatus.COMPLETED, TransactionStatus.FAILED, TransactionStatus.REVERSED);

    private final TransactionQueries queries;
    private final TransactionChanges changes;

    public TransactionUpdates(TransactionQueries queries, TransactionChanges changes) {
        this.queries = queries;
        this.changes = changes;
    }

    public Flux<Transaction> updates(Caller caller, String transactionId) {
        return Flux.defer(() -> {
            UUID id = Inputs.id(transactionId, "id");
            // Listen before reading the current state: a change committed in between is then seen
            // twice at worst (and dropped as unchanged), never missed.
            Sinks.Many<UUID> mine = Sinks.many().unicast().onBackpressureBuffer();
            Disposable tap = changes.changes().filter(id::equals).subscribe(mine::tryEmitNext);
            Transaction current;
            try {
                current = queries.get(caller, transactionId);
            } catch (RuntimeException e) {
                tap.dispose();
                throw e;
            }
            return mine.asFlux()
                    .onBackpressureLatest()
                    .publishOn(Schedulers.boundedElastic())
                    .map(changed -> queries.get(caller, transactionId))
                    .startWith(current)
                    .distinctUntilChanged(tx -> tx.status() + "@" + tx.updatedAt())
                    .takeUntil(tx -> FINAL.contains(tx.status()))
                    .doFinally(signal -> tap.dispose());
        });
    }
}
