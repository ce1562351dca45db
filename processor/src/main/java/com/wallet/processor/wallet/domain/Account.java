package com.wallet.processor.wallet.domain;

/** Ledger accounts of the schema's {@code ledger_entries.account}. */
public enum Account { WALLET, STRIPE_CLEARING, SHORTFALL }
