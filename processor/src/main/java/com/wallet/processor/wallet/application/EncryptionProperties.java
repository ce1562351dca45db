package com.wallet.processor.wallet.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key   ENCRYPTION_SECRET_KEY: 32 ASCII characters or base64 of 32 bytes
 * @param keyId ENCRYPTION_KEY_ID, the id written into every ciphertext
 */
@ConfigurationProperties("wallet.encryption")
public record EncryptionProperties(String key, @DefaultValue("k1") String keyId) {

    @Override
    public String toString() {
        return "EncryptionProperties[keyId=" + keyId + "]";
    }
}
