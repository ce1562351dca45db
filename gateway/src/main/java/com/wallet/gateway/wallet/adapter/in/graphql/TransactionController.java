package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.DepositRequest;
import com.wallet.gateway.wallet.application.SubmitTransactionService;
import com.wallet.gateway.wallet.application.Transaction;
import com.wallet.gateway.wallet.application.TransactionQueries;
import com.wallet.gateway.wallet.application.TransferRequest;
import com.wallet.gateway.wallet.application.WithdrawRequest;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class TransactionController {

    private final SubmitTransactionService submissions;
    private final TransactionQueries queries;

    TransactionController(SubmitTransactionService submissions, TransactionQueries queries) {
        this.submissions = submissions;
        this.queries = queries;
    }

    @QueryMapping
    Transaction getTransaction(@AuthenticationPrincipal Caller caller, @Argument String id) {
        return queries.get(caller, id);
    }

    @QueryMapping
    List<Transaction> getTransactionHistory(@AuthenticationPrincipal Caller caller,
                                            @Argument String walletId, @Argument Integer limit,
                                            @Argument Integer offset) {
        return queries.history(caller, walletId, limit, offset);
    }

    @MutationMapping
    Transaction deposit(@AuthenticationPrincipal Caller caller, @Argument String walletId,
                        @Argument DepositInput input) {
        return submissions.deposit(caller, DepositRequest.of(walletId, input.amount(), input.paymentMethodId(),
                input.description(), input.idempotencyKey()));
    }

    @MutationMapping
    Transaction withdraw(@AuthenticationPrincipal Caller caller, @Argument String walletId,
                         @Argument WithdrawInput input) {
        return submissions.withdraw(caller, WithdrawRequest.of(walletId, input.amount(), input.description(),
                input.idempotencyKey()));
    }

    @MutationMapping
    Transaction transfer(@AuthenticationPrincipal Caller caller, @Argument String fromWalletId,
                         @Argument TransferInput input) {
        return submissions.transfer(caller, TransferRequest.of(fromWalletId, input.toWalletId(), input.amount(),
                input.description(), input.idempotencyKey()));
    }

    record DepositInput(Long amount, String paymentMethodId, String description, String idempotencyKey) {
    }

    record WithdrawInput(Long amount, String description, String idempotencyKey) {
    }

    record TransferInput(String toWalletId, Long amount, String description, String idempotencyKey) {
    }
}
