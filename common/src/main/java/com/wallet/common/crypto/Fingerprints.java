package com.wallet.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed fingerprints ({@code keyId:hex(HMAC-SHA256)}) of values that must be compared later but
 * never read back, such as a request's canonical form for idempotency: unlike a plain hash, one
 * cannot be reversed by guessing short inputs without the key.
 *
 * <p>Rotation: a fingerprint names the key that made it, and is checked under that key only (not
 * under every ring key: one HMAC per check, and a fingerprint can never match under a key other
 * than its own). So a fingerprint still matches while its key is in {@code ENCRYPTION_PREVIOUS_KEYS};
 * {@code bin/wallet rekey} recomputes the stored ones under the current key from the row's own
 * (decrypted) fields, after which the old key can go. Fingerprints stored before per-purpose keys
 * name the old {@code ENCRYPTION_KEY_ID} label (e.g. {@code k1}), which is no ring id: those are
 * checked under the legacy sub-key of each ring key.
 */
public final class Fingerprints {

    private static final String LEGACY_PURPOSE = "wallet fingerprint v1";

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> keysById = new LinkedHashMap<>();
    private final List<SecretKey> legacy;

    Fingerprints(EncryptionKey current, List<EncryptionKey> older, List<EncryptionKey> legacyMasters) {
        this.current = current;
        keysById.put(current.id(), current);
        older.forEach(key -> keysById.putIfAbsent(key.id(), key));
        this.legacy = legacyMasters.stream().map(master -> master.derive(LEGACY_PURPOSE)).toList();
    }

    public String currentKeyId() {
        return current.id();
    }

    public String of(String value) {
        return current.id() + ":" + hmac(current.hmacKey(), value);
    }

    /** Whether {@code stored} is the fingerprint of {@code value} under the key it names. */
    public boolean matches(String stored, String value) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon < 1) {
            return false;
        }
        byte[] expected = stored.substring(colon + 1).getBytes(StandardCharsets.US_ASCII);
        EncryptionKey key = keysById.get(stored.substring(0, colon));
        if (key != null) {
            return MessageDigest.isEqual(expected, hmac(key.hmacKey(), value).getBytes(StandardCharsets.US_ASCII));
        }
        boolean matched = false;
        for (SecretKey legacyKey : legacy) {
            matched |= MessageDigest.isEqual(expected, hmac(legacyKey, value).getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** Whether {@code stored} was made with the current key (rekey leaves it alone). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(current.id() + ":");
    }

    private static String hmac(SecretKey key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
