package com.wallet.processor.wallet.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key          ENCRYPTION_SECRET_KEY: 32 ASCII characters or base64 of 32 bytes
 * @param previousKeys ENCRYPTION_PREVIOUS_KEYS: comma-separated older keys, for reading only
 */
@ConfigurationProperties("wallet.encryption")
public record EncryptionProperties(String key, String previousKeys) {

    @Override
    public String toString() {
        return "EncryptionProperties[key=<redacted>, previousKeys=<redacted>]";
    }
}
