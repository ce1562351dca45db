package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.CreateWalletRequest;
import com.wallet.gateway.wallet.application.CreateWalletRequest.BankDetails;
import com.wallet.gateway.wallet.application.Wallet;
import com.wallet.gateway.wallet.application.WalletService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class WalletController {

    private final WalletService wallets;

    WalletController(WalletService wallets) {
        this.wallets = wallets;
    }

    @QueryMapping
    Wallet getWallet(@AuthenticationPrincipal Caller caller, @Argument String id) {
        return wallets.get(caller, id);
    }

    @QueryMapping
    List<Wallet> myWallets(@AuthenticationPrincipal Caller caller, @Argument Integer limit,
                           @Argument Integer offset) {
        return wallets.mine(caller, limit, offset);
    }

    @MutationMapping
    Wallet createWallet(@AuthenticationPrincipal Caller caller, @Argument CreateWalletInput input) {
        return wallets.create(caller, input.toRequest());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Wallet freezeWallet(@AuthenticationPrincipal Caller caller, @Argument String walletId) {
        return wallets.freeze(caller, walletId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Wallet unfreezeWallet(@AuthenticationPrincipal Caller caller, @Argument String walletId) {
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
