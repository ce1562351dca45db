package com.wallet.common.config;

import com.wallet.common.crypto.KeyRing;

/** The key ring from the environment, or the one clear start-up failure naming the variable. */
public final class MasterKeys {

    public static final String VARIABLE = "ENCRYPTION_SECRET_KEY";
    public static final String PREVIOUS_VARIABLE = "ENCRYPTION_PREVIOUS_KEYS";

    private MasterKeys() {
    }

    /**
     * @param secret         ENCRYPTION_SECRET_KEY, the current master key
     * @param previousSecrets ENCRYPTION_PREVIOUS_KEYS, comma-separated older keys (may be empty)
     * @throws InvalidSecretException naming the variable (and which entry), never a value, when a key is missing or malformed
     */
    public static KeyRing ring(String secret, String previousSecrets) {
        InvalidSecretException.requireSet(VARIABLE, secret);
        try {
            KeyRing.parse(secret, null);
        } catch (IllegalArgumentException e) {
            // EncryptionKey's messages never contain the key.
            throw new InvalidSecretException(VARIABLE, "is invalid: " + e.getMessage());
        }
        try {
            return KeyRing.parse(secret, previousSecrets);
        } catch (IllegalArgumentException e) {
            throw new InvalidSecretException(PREVIOUS_VARIABLE, "is invalid: " + e.getMessage());
        }
    }
}
