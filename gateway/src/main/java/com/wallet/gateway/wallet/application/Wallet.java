package com.wallet.gateway.wallet.application;

import java.time.Instant;
import java.util.UUID;

/** A wallet as the API shows it (bank details are never read back). */
public record Wallet(UUID id, String userId, long balance, String currency, boolean isActive, String label,
                     String stripeAccountId, Instant createdAt) {
}
