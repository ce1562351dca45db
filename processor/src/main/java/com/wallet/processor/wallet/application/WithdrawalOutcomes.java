package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.FailureReason;
import com.wallet.common.messaging.TransactionStatus;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.WalletRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a PROCESSING withdrawal, inside the caller's database transaction: the same for the first
 * payout attempt, a redelivered command, the reconciler and transfer.created. Both changes are
 * conditional on the withdrawal still being PROCESSING, so whichever comes second changes nothing.
 */
class WithdrawalOutcomes {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalOutcomes.class);

    private final Transactions transactions;
    private final Wallets wallets;
    private final Ledger ledger;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;

    WithdrawalOutcomes(Transactions transactions, Wallets wallets, Ledger ledger, TransactionEvents events,
                       TransactionEventFactory eventFactory) {
        this.transactions = transactions;
        this.wallets = wallets;
        this.ledger = ledger;
        this.events = events;
        this.eventFactory = eventFactory;
    }

    /** PROCESSING -> COMPLETED with the Transfer id (the wallet was debited when it became PROCESSING). */
    Outcome complete(TransactionRecord tx, String transferId, String source) {
        if (!transactions.completePayout(tx.id(), transferId)) {
            return Outcome.IGNORED; // already completed, reversed, or another Transfer is recorded
        }
        events.append(eventFactory.changed(tx, TransactionStatus.COMPLETED, null));
        log.info("withdrawal {} COMPLETED with transfer {} by {}", tx.id(), transferId, source);
        return Outcome.COMPLETED;
    }

    /**
     * Stripe refused the Transfer definitively: credit the wallet back (WITHDRAWAL_REVERSAL) and end
     * FAILED PAYOUT_FAILED. The caller holds the wallet lock. The database only lets this happen
     * while the withdrawal is PROCESSING with no Transfer recorded.
     */
    Outcome restore(TransactionRecord tx, String source) {
        return transactions.failPayout(tx.id()) ? giveBack(tx, source) : Outcome.IGNORED;
    }

    /**
     * Stripe holds neither the recorded Transfer nor any for the withdrawal: credit the wallet back
     * and end FAILED PAYOUT_FAILED. The caller holds the wallet lock. Only while that Transfer is
     * still the recorded one and the withdrawal PROCESSING.
     */
    Outcome restoreMissing(TransactionRecord tx, String source) {
        return transactions.failPayoutOfMissingTransfer(tx.id(), tx.stripeTransferId())
                ? giveBack(tx, source) : Outcome.IGNORED;
    }

    private Outcome giveBack(TransactionRecord tx, String source) {
        wallets.credit(tx.walletId(), tx.amount());
        Postings postings = WalletRules.withdrawalReversal(tx.amount(), tx.walletId());
        ledger.post(tx.id(), tx.currency(), postings);
        events.append(eventFactory.changed(tx, TransactionStatus.FAILED, FailureReason.PAYOUT_FAILED, postings));
        log.info("withdrawal {} FAILED PAYOUT_FAILED by {}: funds restored", tx.id(), source);
        return Outcome.FAILED;
    }
}
