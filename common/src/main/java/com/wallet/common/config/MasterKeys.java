package com.wallet.common.config;

import com.wallet.common.crypto.EncryptionKey;

/** The master key from the environment, or the one clear start-up failure naming the variable. */
public final class MasterKeys {

    public static final String VARIABLE = "ENCRYPTION_SECRET_KEY";

    private MasterKeys() {
    }

    /** @throws InvalidSecretException naming {@value #VARIABLE}, never the value, when it is missing or malformed */
    public static EncryptionKey parse(String keyId, String secret) {
        InvalidSecretException.requireSet(VARIABLE, secret);
        try {
            return EncryptionKey.parse(keyId, secret);
        } catch (IllegalArgumentException e) {
            // EncryptionKey's messages never contain the key.
            String variable = e.getMessage().startsWith("key id") ? "ENCRYPTION_KEY_ID" : VARIABLE;
            throw new InvalidSecretException(variable, "is invalid: " + e.getMessage());
        }
    }
}
