package com.wallet.processor.wallet.application.withdrawal;

import com.wallet.processor.wallet.application.Outcome;
import com.wallet.processor.wallet.application.Reconciled;
import com.wallet.processor.wallet.application.WalletTransactions;
import com.wallet.processor.wallet.application.port.PaymentGateway;
import com.wallet.processor.wallet.application.port.TransactionRecord;
import com.wallet.processor.wallet.application.port.Wallets;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.CreateAnswer;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.Decision;
import com.wallet.processor.wallet.domain.WithdrawalReconciliation.TransferState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe side of a PROCESSING withdrawal (contract 6.7: each Transfer matches exactly one
 * debit; never given back while a Transfer may exist). Stripe is called outside any database
 * transaction; what it answered is decided by {@link WithdrawalReconciliation} and applied by
 * {@link WithdrawalOutcomes}.
 *
 * <ul>
 *   <li>{@link #pay}: create the Transfer with the key "withdrawal-&lt;txId&gt;" (first attempt).</li>
 *   <li>{@link #resolve}: a recorded Transfer id is retrieved, never created again; otherwise the
 *       Transfer is looked for by transfer_group (it is found even after Stripe's 24 h key
 *       expiry); only when Stripe says none exists is it created again with the same key.</li>
 *   <li>A recorded Transfer Stripe says does not exist is looked for by transfer_group too; the
 *       reconciler alone gives the funds back, when neither exists {@code missingAfter} after the
 *       withdrawal was created (with a record for an operator).</li>
 * </ul>
 */
class WithdrawalPayouts {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalPayouts.class);

    private final WalletTransactions work;
    private final Wallets wallets;
    private final PaymentGateway payments;
    private final WithdrawalOutcomes outcomes;
    private final String defaultDestination;

    /** @param defaultDestination the payout account of a wallet without one (local mode only), or null */
    WithdrawalPayouts(WalletTransactions work, Wallets wallets, PaymentGateway payments, WithdrawalOutcomes outcomes,
                      String defaultDestination) {
        this.work = work;
        this.wallets = wallets;
        this.payments = payments;
        this.outcomes = outcomes;
        this.defaultDestination = defaultDestination;
    }

    /** Creates the Transfer and applies the answer; PROCESSING when it was ambiguous. */
    Outcome pay(TransactionRecord tx, String source) {
        String destination = wallets.stripeAccountId(tx.walletId()).orElse(defaultDestination);
        if (destination == null) {
            // Nowhere to pay: Stripe is not called, so nothing exists there and the funds go back.
            log.warn("withdrawal {} refused: wallet {} has no stripeAccountId for payouts", tx.id(), tx.walletId());
            return apply(tx, WithdrawalReconciliation.afterCreate(CreateAnswer.REFUSED, null), source);
        }
        PaymentGateway.PayoutResult result = payments.createPayout(new PaymentGateway.Payout(
                tx.id(), tx.walletId(), tx.amount(), tx.currency(), destination, tx.requestId()));
        Decision decision;
        if (result instanceof PaymentGateway.PayoutCreated created) {
            decision = WithdrawalReconciliation.afterCreate(CreateAnswer.CREATED, created.transferId());
        } else if (result instanceof PaymentGateway.PayoutRefused refused) {
            log.warn("withdrawal {} payout refused: {}", tx.id(), refused.error());
            decision = WithdrawalReconciliation.afterCreate(CreateAnswer.REFUSED, null);
        } else if (result instanceof PaymentGateway.PayoutAmbiguous ambiguous) {
            log.warn("withdrawal {} payout outcome unknown, stays PROCESSING for the reconciler: {}", tx.id(),
                    ambiguous.error());
            decision = WithdrawalReconciliation.afterCreate(CreateAnswer.AMBIGUOUS, null);
        } else {
            throw new IllegalStateException("unhandled payout result " + result.getClass().getSimpleName());
        }
        return apply(tx, decision, source);
    }

    /** Asks Stripe what became of the withdrawal's Transfer, and creates it only if none exists. */
    Outcome resolve(TransactionRecord tx, String source) {
        return resolve(tx, null, null, source).outcome();
    }

    /**
     * As {@link #resolve(TransactionRecord, String)}, and a recorded Transfer that Stripe says does
     * not exist, with none for the withdrawal's transfer_group either, gives the funds back once
     * the withdrawal is {@code missingAfter} old (null: never).
     */
    Reconciled resolve(TransactionRecord tx, Duration age, Duration missingAfter, String source) {
        boolean recorded = tx.stripeTransferId() != null;
        PaymentGateway.TransferLookup lookup = recorded
                ? payments.retrieveTransfer(tx.stripeTransferId()) : payments.findTransfer(tx.id());
        if (recorded && missingAfter != null && lookup instanceof PaymentGateway.TransferNotFound) {
            return missingTransfer(tx, age, missingAfter, source);
        }
        Decision decision = WithdrawalReconciliation.forTransfer(state(lookup), recorded, tx.amount(), tx.currency());
        log.info("withdrawal {} transfer {}: {}", tx.id(), lookup.getClass().getSimpleName(), decision.action());
        if (decision.action() == WithdrawalReconciliation.Action.CREATE_AGAIN) {
            return Reconciled.answered(pay(tx, source));
        }
        if (decision.action() == WithdrawalReconciliation.Action.WAIT && lookup instanceof PaymentGateway.TransferFound found) {
            log.error("withdrawal {} has a Transfer {} that disagrees with it: left for an operator", tx.id(),
                    found.transferId());
        }
        return Reconciled.answered(apply(tx, decision, source));
    }

    private Reconciled missingTransfer(TransactionRecord tx, Duration age, Duration missingAfter, String source) {
        PaymentGateway.TransferLookup byGroup = payments.findTransfer(tx.id());
        Decision decision = WithdrawalReconciliation.forMissingTransfer(state(byGroup), age, missingAfter);
        if (decision.action() == WithdrawalReconciliation.Action.WAIT) {
            log.warn("withdrawal {} transfer {} does not exist at Stripe (by transfer_group: {}); asked again until "
                    + "it is {} old", tx.id(), tx.stripeTransferId(), byGroup.getClass().getSimpleName(), missingAfter);
            return Reconciled.answered(Outcome.PROCESSING);
        }
        Outcome outcome = apply(tx, decision, source);
        log.error("withdrawal {} transfer {} still does not exist at Stripe, nor any for it, after {}: {}, recorded "
                + "for an operator", tx.id(), tx.stripeTransferId(), age, outcome);
        // Funds given back on the reconciler's own timeout; one another path ended meanwhile is not that.
        return Reconciled.gaveUp(Reconciled.Cause.MISSING_AT_STRIPE, outcome);
    }

    private Outcome apply(TransactionRecord tx, Decision decision, String source) {
        return switch (decision.action()) {
            case COMPLETE -> work.inTransaction(() -> outcomes.complete(tx, decision.transferId(), source));
            case RESTORE -> work.underLock(tx.walletId(), () -> outcomes.restore(tx, source));
            case RESTORE_MISSING -> work.underLock(tx.walletId(), () -> outcomes.restoreMissing(tx, source));
            case WAIT -> Outcome.PROCESSING;
            case CREATE_AGAIN -> throw new IllegalStateException("CREATE_AGAIN is not an answer to a create");
        };
    }

    private static TransferState state(PaymentGateway.TransferLookup lookup) {
        if (lookup instanceof PaymentGateway.TransferFound found) {
            return new WithdrawalReconciliation.Exists(found.transferId(), found.amount(), found.currency());
        }
        if (lookup instanceof PaymentGateway.TransferNotFound) {
            return new WithdrawalReconciliation.Absent();
        }
        if (lookup instanceof PaymentGateway.TransferLookupFailed failed) {
            log.warn("transfer lookup failed: {}", failed.error());
            return new WithdrawalReconciliation.Unknown();
        }
        throw new IllegalStateException("unhandled transfer lookup " + lookup.getClass().getSimpleName());
    }
}
