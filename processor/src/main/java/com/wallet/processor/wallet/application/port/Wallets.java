package com.wallet.processor.wallet.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: what the processor reads of a wallet besides its balance. Balances are read and written
 * through {@link com.wallet.processor.wallet.application.port.LedgerTransitions} only.
 */
public interface Wallets {

    Optional<String> stripeAccountId(UUID walletId);
}
