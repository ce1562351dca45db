package com.wallet.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value. Layout of a sealed value:
 * {@code version(1) | keyIdLength(1) | keyId | nonce(12) | ciphertext+tag(16)}.
 * The associated data binds a ciphertext to where it lives (e.g. {@code "transactions.description:" + id}),
 * so a value copied to another row or field does not decrypt.
 *
 * <p>Version 2 (what {@link #seal} writes) also authenticates the header: the tag covers
 * {@code version | keyIdLength | keyId} before the caller's associated data, so changing the
 * version or the key id is refused like any other change, not merely by luck of the wrong key.
 * The key is chosen by the key id. Version 1 values (written before key rotation existed: header
 * not authenticated, and for data at rest and commands sealed with the master key itself) are still
 * opened when the cipher was given legacy keys ({@link KeyRing}); their key id was a configured
 * label ({@code ENCRYPTION_KEY_ID}, {@code k1}) that no longer names a key, so each legacy key is
 * tried in turn and the GCM tag says which one it was. {@code bin/wallet rekey} rewrites them as
 * version 2, after which no legacy key is needed.
 */
public final class FieldCipher {

    private static final byte LEGACY_VERSION = 1;
    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> keysById;
    private final List<EncryptionKey> legacy;
    private final SecureRandom random = new SecureRandom();

    /** @param current seals new values; {@code older} keys only open values sealed before a rotation */
    public FieldCipher(EncryptionKey current, EncryptionKey... older) {
        this(current, List.of(older), List.of());
    }

    FieldCipher(EncryptionKey current, List<EncryptionKey> older, List<EncryptionKey> legacy) {
        this.current = current;
        this.keysById = new LinkedHashMap<>();
        keysById.put(current.id(), current);
        for (EncryptionKey key : older) {
            keysById.putIfAbsent(key.id(), key);
        }
        this.legacy = List.copyOf(legacy);
    }

    public String currentKeyId() {
        return current.id();
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = header(current.id());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
                    .put(header).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public byte[] open(byte[] sealedValue, String associatedData) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealedValue);
            byte version = in.get();
            if (version != VERSION && version != LEGACY_VERSION) {
                throw new DecryptionException("unsupported ciphertext version");
            }
            byte[] keyIdBytes = new byte[in.get()];
            in.get(keyIdBytes);
            String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
            if (version == LEGACY_VERSION) {
                return openLegacy(nonce, body, aad);
            }
            EncryptionKey key = keysById.get(keyId);
            if (key == null) {
                throw new DecryptionException("ciphertext was sealed with unknown key id " + printable(keyId));
            }
            return decrypt(key, nonce, body, sealedValue, 2 + keyIdBytes.length, aad);
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
     * Whether a sealed value is already in the current form (version 2 under the current key), so
     * {@code rekey} leaves it alone. Reads the header only: a value that says so but does not open
     * still fails {@link #open}.
     */
    public boolean isCurrent(byte[] sealedValue) {
        try {
            return sealedValue[0] == VERSION && current.id().equals(keyIdOf(sealedValue));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * The value sealed again under the current key with the same associated data, or the value
     * itself when it already is ({@link #isCurrent}).
     *
     * @throws DecryptionException when it does not open under any key this cipher holds
     */
    public byte[] reseal(byte[] sealedValue, String associatedData) {
        if (isCurrent(sealedValue)) {
            return sealedValue;
        }
        return seal(open(sealedValue, associatedData), associatedData);
    }

    private byte[] openLegacy(byte[] nonce, byte[] body, byte[] aad) throws GeneralSecurityException {
        for (EncryptionKey key : legacy) {
            try {
                return decrypt(key, nonce, body, null, 0, aad);
            } catch (AEADBadTagException notThisKey) {
                // the next legacy key, if any
            }
        }
        throw new AEADBadTagException();
    }

    private static byte[] decrypt(EncryptionKey key, byte[] nonce, byte[] body, byte[] sealedValue, int headerLength,
                                  byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        if (headerLength > 0) {
            cipher.updateAAD(sealedValue, 0, headerLength);
        }
        cipher.updateAAD(aad);
        return cipher.doFinal(body);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + id.length).put(VERSION).put((byte) id.length).put(id).array();
    }

    /** A key id read from untrusted bytes, fit for an error message. */
    private static String printable(String keyId) {
        return keyId.matches("[A-Za-z0-9_-]{1,32}") ? keyId : "(malformed)";
    }

    /**
     * The key id a sealed value names (unauthenticated until {@link #open} succeeds), so an
     * envelope can check that its clear key id is the one inside the ciphertext.
     *
     * @throws DecryptionException when the value is not a sealed value of this layout
     */
    public static String keyIdOf(byte[] sealedValue) {
        int keyIdLength = sealedValue == null || sealedValue.length < 2 ? 0 : sealedValue[1];
        if (keyIdLength < 1 || (sealedValue[0] != VERSION && sealedValue[0] != LEGACY_VERSION)
                || sealedValue.length < 2 + keyIdLength + NONCE_BYTES) {
            throw new DecryptionException("malformed ciphertext");
        }
        return new String(sealedValue, 2, keyIdLength, StandardCharsets.US_ASCII);
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
