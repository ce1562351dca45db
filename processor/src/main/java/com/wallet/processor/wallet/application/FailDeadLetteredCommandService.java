package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

import com.wallet.common.messaging.FailureReason;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.domain.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A wallet.commands record that went to the dead-letter topic will never be applied, so its
 * transaction must not stay PENDING forever (contract 6.4): it ends FAILED / PROCESSING_ERROR
 * with its event, in one database transaction. Called only after the dead-letter publish
 * succeeded, so the record is kept somewhere before the transaction is closed.
 *
 * <p>The change is conditional on PENDING: a transaction that moved on (applied by another
 * delivery, a deposit already at Stripe, a final status) is left alone. No money moves: a
 * dead-lettered command wrote nothing (its database transaction rolled back, or it never began).
 */
public class FailDeadLetteredCommandService {

    private static final Logger log = LoggerFactory.getLogger(FailDeadLetteredCommandService.class);

    /** What closing a dead-lettered command did; a metric tag. */
    public enum Result { FAILED, LEFT_ALONE, NO_TRANSACTION }

    private final TransactionTemplate transaction;
    private final Transactions transactions;
    private final LedgerTransitions ledger;
    private final MeterRegistry meters;

    public FailDeadLetteredCommandService(TransactionTemplate transaction, Transactions transactions,
                                          LedgerTransitions ledger, MeterRegistry meters) {
        this.transaction = transaction;
        this.transactions = transactions;
        this.ledger = ledger;
        this.meters = meters;
    }

    public Result fail(UUID commandId) {
        Result result = transaction.execute(status -> failInTransaction(commandId));
        Counter.builder("wallet.commands.dead.lettered").tag("result", result.name()).register(meters).increment();
        log.warn("dead-lettered command {}: transaction {}", commandId, result);
        return result;
    }

    private Result failInTransaction(UUID commandId) {
        Optional<TransactionRecord> found = transactions.find(commandId);
        if (found.isEmpty()) {
            return Result.NO_TRANSACTION;
        }
        TransactionRecord tx = found.get();
        Transition failed = Transition.failed(tx.id(), tx.currency(), FailureReason.PROCESSING_ERROR);
        return ledger.applyIfCurrent(new LedgerTransitions.Change(tx, failed)) ? Result.FAILED : Result.LEFT_ALONE;
    }
}
