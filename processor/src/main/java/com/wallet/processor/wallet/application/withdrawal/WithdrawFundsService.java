package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.WithdrawFunds;
import com.wallet.processor.wallet.application.CommandRows;
import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.StripeCall;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.LedgerTransitions;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.domain.Decision;
import com.wallet.processor.wallet.domain.Transition;
import com.wallet.processor.wallet.domain.WalletRules;
import com.wallet.processor.wallet.domain.WalletState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A withdrawal: under the wallet lock, one transaction debits the wallet against the Stripe
 * clearing account (PENDING -> PROCESSING); after commit and outside any transaction a Stripe
 * Transfer is created with the key "withdrawal-&lt;txId&gt;" ({@link WithdrawalPayouts}), on the
 * thread of {@link StripeCalls} when the command comes from Kafka ({@link #start}). Created:
 * COMPLETED. A definitive refusal: the funds are restored (WITHDRAWAL_REVERSAL postings), FAILED
 * PAYOUT_FAILED. An ambiguous failure leaves it PROCESSING for {@link ReconcileWithdrawalsService}:
 * Stripe may have paid out, so the money is never given back on a guess.
 *
 * <p>A redelivered command whose transaction is still PROCESSING never blindly creates again: a
 * recorded Transfer id is retrieved, otherwise the Transfer is looked for by transfer_group, and
 * only when Stripe holds none is it created with the same key (after Stripe's 24 h key expiry a
 * blind create would pay out twice).
 */
public class WithdrawFundsService {

    private static final Logger log = LoggerFactory.getLogger(WithdrawFundsService.class);

    private final WalletTransactions work;
    private final CommandRows rows;
    private final LedgerTransitions ledger;
    private final WithdrawalPayouts payouts;

    WithdrawFundsService(WalletTransactions work, CommandRows rows, LedgerTransitions ledger, WithdrawalPayouts payouts) {
        this.work = work;
        this.rows = rows;
        this.ledger = ledger;
        this.payouts = payouts;
    }

    /** The whole withdrawal on this thread, Stripe call included. */
    public Outcome withdraw(WithdrawFunds command) {
        return start(command).run();
    }

    /**
     * The debit, under the wallet lock, in one transaction committed when this returns, and what
     * is left to ask Stripe, for {@link StripeCalls} to run off the listener thread (and off the
     * lock: recording a created Transfer changes no balance; giving the funds back takes the lock
     * again, in {@link WithdrawalPayouts}).
     */
    public StripeCall start(WithdrawFunds command) {
        Debit debit = work.underLock(command.walletId(), () -> debit(command));
        if (debit.outcome() != Outcome.PROCESSING) {
            return StripeCall.none(debit.outcome());
        }
        TransactionRecord tx = debit.transaction();
        return debit.redelivered() ? StripeCall.of(tx, () -> payouts.resolve(tx, "redelivered command"))
                : StripeCall.of(tx, () -> pay(tx));
    }

    private Outcome pay(TransactionRecord tx) {
        TransactionRecord now = rows.current(tx);
        if (now.status() != TransactionStatus.PROCESSING || now.stripeTransferId() != null) {
            // the call waited its turn and the reconciler has found or made the Transfer meanwhile
            log.info("withdrawal {} is {} with transfer {} by now: not paid out again", tx.id(), now.status(),
                    now.stripeTransferId());
            return Outcome.IGNORED;
        }
        return payouts.pay(tx, "command");
    }

    /** @param redelivered the transaction was already PROCESSING: a payout may have been attempted */
    private record Debit(TransactionRecord transaction, Outcome outcome, boolean redelivered) {
        Debit(TransactionRecord transaction, Outcome outcome) {
            this(transaction, outcome, false);
        }
    }

    private Debit debit(WithdrawFunds command) {
        CommandRows.Claimed claimed = rows.claim(command);
        boolean first = claimed.first();
        TransactionRecord tx = claimed.row();
        if (tx.status() == TransactionStatus.PROCESSING) {
            return new Debit(tx, Outcome.PROCESSING, true); // redelivered mid-payout: ask Stripe what happened
        }
        if (!first || tx.status() != TransactionStatus.PENDING) {
            return new Debit(tx, first ? Outcome.IGNORED : Outcome.DUPLICATE);
        }
        WalletState wallet = ledger.lockWallets(List.of(tx.walletId())).get(tx.walletId());
        if (wallet == null) {
            throw new PoisonCommandException("withdrawal " + tx.id() + " names a wallet that does not exist");
        }
        Decision decision = WalletRules.withdrawal(tx.amount(), tx.currency(), wallet);
        if (decision instanceof Decision.Rejected rejected) {
            change(tx, Transition.failed(tx.id(), tx.currency(), rejected.reason()));
            return new Debit(tx, Outcome.FAILED);
        }
        if (decision instanceof Decision.Accepted accepted) {
            change(tx, Transition.withdrawalDebited(tx.id(), tx.currency(), accepted.postings()));
            return new Debit(tx, Outcome.PROCESSING);
        }
        throw new IllegalStateException("unhandled decision " + decision.getClass().getSimpleName());
    }

    /** Under the wallet lock and its row lock nothing else may have moved it: if it did, roll back. */
    private void change(TransactionRecord tx, Transition transition) {
        if (!ledger.applyIfCurrent(new LedgerTransitions.Change(tx, transition))) {
            throw new IllegalStateException("transaction " + tx.id() + " changed status concurrently");
        }
    }
}
