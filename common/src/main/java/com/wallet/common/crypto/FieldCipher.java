package com.wallet.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value. Layout of a sealed value:
 * {@code version(1) | keyIdLength(1) | keyId | nonce(12) | ciphertext+tag(16)}.
 * The associated data binds a ciphertext to where it lives (e.g. {@code "transactions.description:" + id}),
 * so a value copied to another row or field does not decrypt.
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> keysById;
    private final SecureRandom random = new SecureRandom();

    /** @param current seals new values; {@code older} keys only open values sealed before a rotation */
    public FieldCipher(EncryptionKey current, EncryptionKey... older) {
        this.current = current;
        this.keysById = new LinkedHashMap<>();
        keysById.put(current.id(), current);
        for (EncryptionKey key : older) {
            keysById.putIfAbsent(key.id(), key);
        }
    }

    public String currentKeyId() {
        return current.id();
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] keyId = current.id().getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(VERSION).put((byte) keyId.length).put(keyId).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public byte[] open(byte[] sealedValue, String associatedData) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealedValue);
            if (in.get() != VERSION) {
                throw new DecryptionException("unsupported ciphertext version");
            }
            byte[] keyIdBytes = new byte[in.get()];
            in.get(keyIdBytes);
            String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
            EncryptionKey key = keysById.get(keyId);
            if (key == null) {
                throw new DecryptionException("ciphertext was sealed with unknown key id " + keyId);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(body);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("ciphertext failed authentication (wrong key, data or binding)");
        } catch (RuntimeException e) {
            if (e instanceof DecryptionException de) {
                throw de;
            }
            throw new DecryptionException("malformed ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("ciphertext could not be decrypted", e);
        }
    }

    /**
     * The key id a sealed value names (unauthenticated until {@link #open} succeeds), so an
     * envelope can check that its clear key id is the one inside the ciphertext.
     *
     * @throws DecryptionException when the value is not a sealed value of this layout
     */
    public static String keyIdOf(byte[] sealedValue) {
        int keyIdLength = sealedValue == null || sealedValue.length < 2 ? 0 : sealedValue[1];
        if (keyIdLength < 1 || sealedValue[0] != VERSION || sealedValue.length < 2 + keyIdLength + NONCE_BYTES) {
            throw new DecryptionException("malformed ciphertext");
        }
        return new String(sealedValue, 2, keyIdLength, StandardCharsets.US_ASCII);
    }

    /**
     * A keyed fingerprint ({@code keyId:hex(HMAC-SHA256)}) of a value that must be compared later but
     * never read back, such as a request's canonical form: unlike a plain hash, it cannot be
     * reversed by guessing short inputs without the key.
     */
    public String fingerprint(String value) {
        return current.id() + ":" + hmac(current, value);
    }

    /** Whether {@code stored} is the fingerprint of {@code value} under the key it names. */
    public boolean fingerprintMatches(String stored, String value) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        EncryptionKey key = colon < 0 ? null : keysById.get(stored.substring(0, colon));
        return key != null && MessageDigest.isEqual(
                stored.substring(colon + 1).getBytes(StandardCharsets.US_ASCII),
                hmac(key, value).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(EncryptionKey key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.derive("wallet fingerprint v1"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public String sealString(String plaintext, String associatedData) {
        return plaintext == null ? null
                : Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8), associatedData));
    }

    public String openString(String sealedBase64, String associatedData) {
        if (sealedBase64 == null) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedBase64);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("ciphertext is not base64");
        }
        return new String(open(sealed, associatedData), StandardCharsets.UTF_8);
    }
}
