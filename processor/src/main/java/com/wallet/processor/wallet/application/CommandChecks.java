package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import java.util.Objects;

/** A command must agree with the row the gateway wrote for it; otherwise it is poison ({@link CommandRows#claim}). */
public final class CommandChecks {

    private CommandChecks() {
    }

    /** The command names the row's type, wallet(s), amount and currency. */
    public static boolean matches(WalletCommand command, TransactionRecord tx) {
        return tx.type() == command.type()
                && tx.walletId().equals(command.walletId())
                && tx.amount() == command.amount()
                && tx.currency().equalsIgnoreCase(command.currency())
                && (!(command instanceof TransferFunds transfer)
                        || Objects.equals(transfer.toWalletId(), tx.counterpartyWalletId()));
    }
}
