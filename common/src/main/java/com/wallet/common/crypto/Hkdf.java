package com.wallet.common.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869): extract, then expand. Written over the JDK's HmacSHA256 rather than
 * pulling in BouncyCastle: Java 17 has no HKDF ({@code javax.crypto.KDF} arrives in Java 25), the
 * construction is two HMAC loops checked against the RFC's test vectors ({@code HkdfTest}), and an
 * 8 MB crypto provider in every service for these lines would be more code to keep patched than
 * it saves.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /**
     * @param salt   may be null or empty: RFC 5869 then uses HashLen zero bytes
     * @param info   the context (for us, the purpose); null means empty
     * @param length output bytes, at most 255 * 32
     */
    static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1..8160 bytes");
        }
        byte[] prk = hmac(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt, inputKeyMaterial);
        try {
            ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_BYTES);
            byte[] block = new byte[0];
            for (int counter = 1; okm.size() < length; counter++) {
                block = hmac(prk, concat(block, info == null ? new byte[0] : info, (byte) counter));
                okm.writeBytes(block);
            }
            return Arrays.copyOf(okm.toByteArray(), length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] concat(byte[] previous, byte[] info, byte counter) {
        byte[] out = Arrays.copyOf(previous, previous.length + info.length + 1);
        System.arraycopy(info, 0, out, previous.length, info.length);
        out[out.length - 1] = counter;
        return out;
    }
}
