package com.wallet.common.messaging;

/**
 * The value of a wallet.commands record. Only routing data is in clear: the command id, the wallet
 * id (also the record key) and the id of the key that sealed the payload. {@code payload} is the
 * base64 AES-256-GCM ciphertext of the JSON {@link WalletCommand}, bound to the command id.
 */
public record CommandEnvelope(String commandId, String walletId, String keyId, String payload) {

    public static final int VERSION = 1;
}
