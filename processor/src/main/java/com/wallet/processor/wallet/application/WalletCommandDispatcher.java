package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.DepositFunds;
import com.wallet.common.messaging.TransferFunds;
import com.wallet.common.messaging.WalletCommand;
import com.wallet.common.messaging.WithdrawFunds;
import java.util.function.Function;

/** Routes each kind of command to its use case (a test checks every permitted subclass is handled). */
public class WalletCommandDispatcher {

    private final Function<TransferFunds, Outcome> transfers;
    private final Function<DepositFunds, Outcome> deposits;
    private final Function<WithdrawFunds, Outcome> withdrawals;

    public WalletCommandDispatcher(Function<TransferFunds, Outcome> transfers, Function<DepositFunds, Outcome> deposits,
                                   Function<WithdrawFunds, Outcome> withdrawals) {
        this.transfers = transfers;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
    }

    public Outcome dispatch(WalletCommand command) {
        if (command instanceof TransferFunds transfer) {
            return transfers.apply(transfer);
        }
        if (command instanceof DepositFunds deposit) {
            return deposits.apply(deposit);
        }
        if (command instanceof WithdrawFunds withdrawal) {
            return withdrawals.apply(withdrawal);
        }
        throw new IllegalArgumentException("unhandled command type " + command.getClass().getName());
    }
}
