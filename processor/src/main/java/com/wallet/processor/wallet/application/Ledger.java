package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.domain.EntryKind;
import com.wallet.processor.wallet.domain.Postings;
import java.util.UUID;

/** Port: the double-entry ledger (a deferred trigger re-checks that each transaction sums to zero). */
public interface Ledger {

    void post(UUID transactionId, String currency, Postings postings);

    /** Sum of the STRIPE_CLEARING postings of one kind of a transaction (e.g. what was refunded so far). */
    long clearingTotal(UUID transactionId, EntryKind kind);

    /** Sum of a transaction's SHORTFALL postings: &lt; 0 while charge-backs the wallet could not pay are open. */
    long shortfallTotal(UUID transactionId);
}
