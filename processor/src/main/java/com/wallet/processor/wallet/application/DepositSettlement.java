package com.wallet.processor.wallet.application;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.processor.wallet.domain.Postings;
import com.wallet.processor.wallet.domain.WalletRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits a deposit whose PaymentIntent succeeded: the one code path of payment_intent.succeeded
 * and of the reconciler. Runs inside the caller's database transaction (under the wallet lock).
 * The status change is conditional (PENDING/PROCESSING -> COMPLETED), so whichever of the event
 * and the reconciler comes second changes nothing: the wallet is credited once.
 */
class DepositSettlement {

    private static final Logger log = LoggerFactory.getLogger(DepositSettlement.class);

    private final Transactions transactions;
    private final Wallets wallets;
    private final Ledger ledger;
    private final TransactionEvents events;
    private final TransactionEventFactory eventFactory;

    DepositSettlement(Transactions transactions, Wallets wallets, Ledger ledger, TransactionEvents events,
                      TransactionEventFactory eventFactory) {
        this.transactions = transactions;
        this.wallets = wallets;
        this.ledger = ledger;
        this.events = events;
        this.eventFactory = eventFactory;
    }

    /**
     * @param settledAmount what Stripe says was charged (logged when it differs; the transaction's amount is credited)
     * @return COMPLETED when this call settled it, IGNORED when it was not an open deposit
     */
    Outcome settle(TransactionRecord tx, String paymentIntentId, long settledAmount, String source) {
        if (tx.type() != TransactionType.DEPOSIT || !transactions.settleDeposit(tx.id(), paymentIntentId)) {
            return Outcome.IGNORED;
        }
        if (settledAmount != tx.amount()) {
            log.warn("deposit {} settled by {} with another amount; the transaction's amount is credited",
                    tx.id(), source);
        }
        wallets.credit(tx.walletId(), tx.amount());
        Postings postings = WalletRules.depositSettlement(tx.amount(), tx.walletId());
        ledger.post(tx.id(), tx.currency(), postings);
        events.append(eventFactory.changed(tx, TransactionStatus.COMPLETED, null, postings));
        log.info("deposit {} COMPLETED by {}", tx.id(), source);
        return Outcome.COMPLETED;
    }
}
