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

    private static final int KEY_BYTES = 32;

    private final String id;
    private final SecretKey key;
    /** null for a master key; the HKDF info it was derived with otherwise. */
    private final String purpose;

    private EncryptionKey(String id, byte[] raw, String purpose) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("key id must be 1-32 characters [A-Za-z0-9_-]");
        }
        this.id = id;
        this.key = new SecretKeySpec(raw, "AES");
        this.purpose = purpose;
    }

    /**
     * Parses the contract's secret format: 32 ASCII characters, or base64 of 32 bytes. The value is
     * never part of an error message.
     */
    public static EncryptionKey parse(String id, String secret) {
        byte[] raw = raw(secret);
        try {
            return new EncryptionKey(id, raw, null);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * A master key named by its own material: the id is {@code "k"} + 12 hex digits of HKDF-SHA256
     * of the key with info {@value #KEY_ID_INFO}. Every service derives the same id from
     * ENCRYPTION_SECRET_KEY alone, a rotation needs no separate id to configure, and two different
     * keys do not share an id (48 bits: a collision among a handful of keys is out of reach). The id
     * is a PRF output, so it tells nothing about the key.
     */
    public static EncryptionKey master(String secret) {
        byte[] raw = raw(secret);
        try {
            return new EncryptionKey(idOf(raw), raw, null);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The same key under its derived id (see {@link #master}). */
    EncryptionKey named() {
        if (purpose != null) {
            throw new IllegalStateException("only a master key is named by its material");
        }
        byte[] raw = key.getEncoded();
        try {
            return new EncryptionKey(idOf(raw), raw, null);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static final String KEY_ID_INFO = "wallet key id v1";

    private static String idOf(byte[] raw) {
        byte[] tag = Hkdf.sha256(raw, null, KEY_ID_INFO.getBytes(StandardCharsets.UTF_8), 6);
        return "k" + java.util.HexFormat.of().formatHex(tag);
    }

    private static byte[] raw(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("encryption key is missing");
        }
        if (secret.length() == KEY_BYTES && StandardCharsets.US_ASCII.newEncoder().canEncode(secret)) {
            return secret.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(secret.trim());
            if (decoded.length == KEY_BYTES) {
                return decoded;
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

    /**
     * The AES-256 key of one purpose (contract section 8), under the same key id so rotation by key
     * id keeps working: HKDF-SHA256 (RFC 5869) with this master key as input keying material, no
     * salt (RFC 5869 allows it for input that is already a strong key, and every service must get
     * the same key from ENCRYPTION_SECRET_KEY alone) and the purpose, e.g. {@code "stripe.events"},
     * as info. A key of one purpose opens nothing sealed for another, nor anything sealed with the
     * master key.
     */
    public EncryptionKey forPurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a key purpose is required");
        }
        if (this.purpose != null) {
            throw new IllegalStateException("derive purpose keys from the master key, not from another purpose key");
        }
        byte[] master = key.getEncoded();
        byte[] derived = Hkdf.sha256(master, null, purpose.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
        try {
            return new EncryptionKey(id, derived, purpose);
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(derived, (byte) 0); // SecretKeySpec keeps its own copy
        }
    }

    /** An HMAC-SHA256 key with this key's bytes (a purpose key of {@link KeyRing.Purpose#FINGERPRINTS}). */
    SecretKey hmacKey() {
        byte[] raw = key.getEncoded();
        try {
            return new SecretKeySpec(raw, "HmacSHA256");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * The sub-key fingerprints used before per-purpose keys (HMAC-SHA256 of the purpose under the
     * master key). Kept only to check fingerprints stored before then ({@link Fingerprints}); new
     * ones use the {@code wallet.fingerprints} HKDF key.
     */
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
        return "EncryptionKey[" + id + (purpose == null ? "" : "/" + purpose) + "]";
    }
}
