package com.wallet.processor.wallet.domain;

/** Why a posting was written ({@code ledger_entries.entry_kind}). */
public enum EntryKind {
    TRANSFER, DEPOSIT, WITHDRAWAL, WITHDRAWAL_REVERSAL, REFUND, DISPUTE,
    /** A dispute won (or given up by the other side): Stripe reinstated the disputed funds. */
    DISPUTE_REINSTATEMENT,
    SHORTFALL
}
