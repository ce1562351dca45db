package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.WalletCommand;
import com.wallet.processor.wallet.application.port.ProcessedCommands;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Transactions;

/**
 * A deposit's or withdrawal command's own row: marked processed, then read and checked against the
 * command in the caller's database transaction; re-read when its Stripe call finally runs.
 */
public class CommandRows {

    private final ProcessedCommands processed;
    private final Transactions transactions;

    public CommandRows(ProcessedCommands processed, Transactions transactions) {
        this.processed = processed;
        this.transactions = transactions;
    }

    /** @param first the command was not processed before (false: a redelivery) */
    public record Claimed(boolean first, TransactionRecord row) {
    }

    /**
     * Marks the command processed ({@code INSERT ... ON CONFLICT DO NOTHING}) and reads its row.
     *
     * @throws PoisonCommandException when there is no row or it disagrees with the command
     */
    public Claimed claim(WalletCommand command) {
        boolean first = processed.markProcessed(command.transactionId());
        TransactionRecord tx = transactions.find(command.transactionId())
                .orElseThrow(() -> new PoisonCommandException("no transaction row for command " + command.transactionId()));
        if (!CommandChecks.matches(command, tx)) {
            throw new PoisonCommandException("command " + command.transactionId() + " disagrees with its transaction row");
        }
        return new Claimed(first, tx);
    }

    /** The row as it is now (a Stripe call that waited its turn looks again); {@code tx} when it is gone. */
    public TransactionRecord current(TransactionRecord tx) {
        return transactions.find(tx.id()).orElse(tx);
    }
}
