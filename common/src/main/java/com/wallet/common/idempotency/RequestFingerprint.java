package com.wallet.common.idempotency;

import com.wallet.common.messaging.TransactionType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * SHA-256 hex of the canonical request (type, wallet ids, amount, currency, description, payment
 * method). Each field is length-prefixed so no two different requests share a canonical form.
 * The gateway stores it keyed ({@code Fingerprints}); it lives in common because {@code bin/wallet
 * rekey} recomputes the stored fingerprints from a transaction's fields under the current key.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(TransactionType type, UUID walletId, UUID toWalletId, long amount, String currency,
                     String description, String paymentMethod) {
        StringBuilder canonical = new StringBuilder("v1");
        for (Object field : new Object[] {type, walletId, toWalletId, amount, currency, description, paymentMethod}) {
            String text = field == null ? "" : field.toString();
            canonical.append('|').append(field == null ? -1 : text.length()).append(':').append(text);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
