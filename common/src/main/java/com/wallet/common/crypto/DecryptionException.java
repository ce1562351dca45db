package com.wallet.common.crypto;

/** A ciphertext could not be opened: wrong key, unknown key id, tampered data or wrong binding. */
public class DecryptionException extends RuntimeException {

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
