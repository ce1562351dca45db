package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import java.util.Objects;

/** A command must agree with the row the gateway wrote for it; otherwise it is poison. */
final class CommandChecks {

    private CommandChecks() {
    }

    static TransactionRecord requireMatchingRow(WalletCommand command, Transactions transactions) {
        TransactionRecord tx = transactions.find(command.transactionId())
                .orElseThrow(() -> new PoisonCommandException("no transaction row for command " + command.transactionId()));
        boolean matches = tx.type() == command.type()
                && tx.walletId().equals(command.walletId())
                && tx.amount() == command.amount()
                && tx.currency().equalsIgnoreCase(command.currency())
                && (!(command instanceof TransferFunds transfer)
                        || Objects.equals(transfer.toWalletId(), tx.counterpartyWalletId()));
        if (!matches) {
            throw new PoisonCommandException("command " + command.transactionId() + " disagrees with its transaction row");
        }
        return tx;
    }
}
