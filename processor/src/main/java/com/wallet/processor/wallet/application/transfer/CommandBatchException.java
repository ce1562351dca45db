package com.wallet.processor.wallet.application.transfer;

/**
 * The batch stopped at the record at {@code index} (its position in the poll): every record before
 * it is applied and committed, this one failed with the cause, the ones after it were not applied.
 */
public final class CommandBatchException extends RuntimeException {

    private final int index;

    public CommandBatchException(int index, RuntimeException cause) {
        super("command record " + index + " of the batch failed: " + cause.getClass().getSimpleName(), cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
