package com.wallet.processor.wallet.application.port;

import com.wallet.processor.wallet.domain.EntryKind;
import java.util.UUID;

/**
 * Port: what the double-entry ledger holds for a transaction. Postings are written through
 * {@link com.wallet.processor.wallet.application.port.LedgerTransitions} only.
 */
public interface Ledger {

    /** Sum of the STRIPE_CLEARING postings of one kind of a transaction (e.g. what was refunded so far). */
    long clearingTotal(UUID transactionId, EntryKind kind);

    /** Sum of a transaction's SHORTFALL postings: &lt; 0 while charge-backs the wallet could not pay are open. */
    long shortfallTotal(UUID transactionId);
}
