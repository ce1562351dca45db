package com.wallet.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** An AES-256 key with the id written into every ciphertext it seals (so keys can rotate). */
public final class EncryptionKey {

    private final String id;
    private final SecretKey key;

    private EncryptionKey(String id, byte[] raw) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("key id must be 1-32 characters [A-Za-z0-9_-]");
        }
        this.id = id;
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * Parses the contract's secret format: 32 ASCII characters, or base64 of 32 bytes. The value is
     * never part of an error message.
     */
    public static EncryptionKey parse(String id, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("encryption key is missing");
        }
        byte[] ascii = secret.getBytes(StandardCharsets.US_ASCII);
        if (secret.length() == 32 && StandardCharsets.US_ASCII.newEncoder().canEncode(secret)) {
            return new EncryptionKey(id, ascii);
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(secret.trim());
            if (decoded.length == 32) {
                return new EncryptionKey(id, decoded);
            }
            Arrays.fill(decoded, (byte) 0);
        } catch (IllegalArgumentException notBase64) {
            // fall through to the one clear message below
        }
        throw new IllegalArgumentException("encryption key must be 32 ASCII characters or base64 of 32 bytes");
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    /** A sub-key for another purpose (HMAC-SHA256 of the purpose under this key): never the AES key itself. */
    SecretKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id + "]";
    }
}
