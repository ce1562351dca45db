package com.wallet.common.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The master keys of a service (contract section 8): the current one ({@code ENCRYPTION_SECRET_KEY})
 * seals every new value; previous ones ({@code ENCRYPTION_PREVIOUS_KEYS}) only open values sealed
 * before a rotation. Each master key is named by its own material ({@link EncryptionKey#master}),
 * and each purpose gets its own AES key from it with HKDF ({@link EncryptionKey#forPurpose}), so a
 * value of one purpose never opens as another.
 */
public final class KeyRing {

    /** The HKDF info of each purpose key. */
    public enum Purpose {
        /** fields stored in PostgreSQL: bank details, descriptions, payment methods, client secrets */
        AT_REST("wallet.at-rest"),
        /** wallet.commands payloads (and the gateway's command_outbox, which holds them as published) */
        COMMANDS("wallet.commands"),
        /** stripe.events records (the info predates this class: it stays "stripe.events") */
        STRIPE_EVENTS("stripe.events"),
        /** keyed request fingerprints (HMAC-SHA256 keys, not AES) */
        FINGERPRINTS("wallet.fingerprints");

        private final String info;

        Purpose(String info) {
            this.info = info;
        }

        public String info() {
            return info;
        }
    }

    private final EncryptionKey current;
    private final List<EncryptionKey> previous;

    private KeyRing(EncryptionKey current, List<EncryptionKey> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** Master keys named by their material, whatever id they were parsed with; duplicates of the current one are dropped. */
    public static KeyRing of(EncryptionKey current, EncryptionKey... previous) {
        EncryptionKey named = current.named();
        List<EncryptionKey> older = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(List.of(named.id()));
        for (EncryptionKey key : previous) {
            EncryptionKey olderKey = key.named();
            if (ids.add(olderKey.id())) {
                older.add(olderKey);
            }
        }
        return new KeyRing(named, List.copyOf(older));
    }

    /**
     * @param currentSecret   ENCRYPTION_SECRET_KEY
     * @param previousSecrets ENCRYPTION_PREVIOUS_KEYS: comma-separated, blank entries ignored
     * @throws IllegalArgumentException naming which key (never its value) when one is malformed
     */
    public static KeyRing parse(String currentSecret, String previousSecrets) {
        EncryptionKey current = EncryptionKey.master(currentSecret);
        List<EncryptionKey> older = new ArrayList<>();
        if (previousSecrets != null) {
            String[] entries = previousSecrets.split(",");
            for (int i = 0; i < entries.length; i++) {
                if (entries[i].isBlank()) {
                    continue;
                }
                try {
                    older.add(EncryptionKey.master(entries[i].trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("entry " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return of(current, older.toArray(EncryptionKey[]::new));
    }

    public String currentKeyId() {
        return current.id();
    }

    /** Ids of the current and previous master keys, current first. */
    public List<String> keyIds() {
        List<String> ids = new ArrayList<>(List.of(current.id()));
        previous.forEach(key -> ids.add(key.id()));
        return ids;
    }

    /** Seals under the current key's {@code purpose} key; opens under any ring key's, and legacy values. */
    public FieldCipher cipher(Purpose purpose) {
        if (purpose == Purpose.FINGERPRINTS) {
            throw new IllegalArgumentException("fingerprint keys are HMAC keys: use fingerprints()");
        }
        return new FieldCipher(current.forPurpose(purpose.info()),
                previous.stream().map(key -> key.forPurpose(purpose.info())).toList(),
                masters().stream().map(key -> legacyKey(key, purpose)).toList());
    }

    public Fingerprints fingerprints() {
        String info = Purpose.FINGERPRINTS.info();
        return new Fingerprints(current.forPurpose(info),
                previous.stream().map(key -> key.forPurpose(info)).toList(), masters());
    }

    private List<EncryptionKey> masters() {
        List<EncryptionKey> all = new ArrayList<>(List.of(current));
        all.addAll(previous);
        return all;
    }

    /**
     * The key a version-1 value of this purpose was sealed with: the master key itself for data at
     * rest and commands; stripe.events records already used their HKDF key.
     */
    private static EncryptionKey legacyKey(EncryptionKey master, Purpose purpose) {
        return purpose == Purpose.STRIPE_EVENTS ? master.forPurpose(purpose.info()) : master;
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", previous=" + Arrays.toString(previous.stream().map(EncryptionKey::id).toArray()) + "]";
    }
}
