package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.CreateWalletRequest;
import com.wallet.gateway.wallet.application.CreateWalletRequest.BankDetails;
import com.wallet.gateway.wallet.application.Wallet;
import com.wallet.gateway.wallet.application.WalletService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class WalletController {

    private final WalletService wallets;

    WalletController(WalletService wallets) {
        this.wallets = wallets;
    }

    @QueryMapping
    Wallet getWallet(@ContextValue(CallerInterceptor.CALLER) Caller caller, @Argument String id) {
        return wallets.get(caller, id);
    }

    @QueryMapping
    List<Wallet> myWallets(@ContextValue(CallerInterceptor.CALLER) Caller caller) {
        return wallets.mine(caller);
    }

    @MutationMapping
    Wallet createWallet(@ContextValue(CallerInterceptor.CALLER) Caller caller, @Argument CreateWalletInput input) {
        return wallets.create(caller, input.toRequest());
    }

    @MutationMapping
    Wallet freezeWallet(@ContextValue(CallerInterceptor.CALLER) Caller caller, @Argument String walletId) {
        return wallets.freeze(caller, walletId);
    }

    @MutationMapping
    Wallet unfreezeWallet(@ContextValue(CallerInterceptor.CALLER) Caller caller, @Argument String walletId) {
        return wallets.unfreeze(caller, walletId);
    }

    record BankDetailsInput(String bankName, String accountName, String accountNumber, String bankId) {
        @Override
        public String toString() {
            return "BankDetailsInput[redacted]";
        }
    }

    record CreateWalletInput(String currency, String label, BankDetailsInput bankDetails, String stripeAccountId) {
        CreateWalletRequest toRequest() {
            BankDetails bank = bankDetails == null ? null : BankDetails.of(bankDetails.bankName(),
                    bankDetails.accountName(), bankDetails.accountNumber(), bankDetails.bankId());
            return CreateWalletRequest.of(currency, label, bank, stripeAccountId);
        }
    }
}
