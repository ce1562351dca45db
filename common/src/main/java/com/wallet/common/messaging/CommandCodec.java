package com.wallet.common.messaging;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.FieldCipher;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a {@link WalletCommand} into a {@link CommandEnvelope} and opens it again. The associated
 * data binds the ciphertext to its command id and wallet id, so an envelope whose clear routing
 * fields were altered does not open.
 */
public final class CommandCodec {

    private final FieldCipher cipher;
    private final JsonMapper json;

    public CommandCodec(FieldCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public CommandEnvelope seal(WalletCommand command) {
        String commandId = command.transactionId().toString();
        String walletId = command.walletId().toString();
        byte[] plaintext = json.writeValueAsBytes(command);
        byte[] sealed = cipher.seal(plaintext, associatedData(commandId, walletId));
        return new CommandEnvelope(commandId, walletId, cipher.currentKeyId(),
                Base64.getEncoder().encodeToString(sealed));
    }

    /** @throws UnreadableCommandException when the envelope cannot be decrypted or parsed */
    public WalletCommand open(CommandEnvelope envelope) {
        if (envelope == null || envelope.commandId() == null || envelope.walletId() == null
                || envelope.payload() == null) {
            throw new UnreadableCommandException("envelope is missing commandId, walletId or payload");
        }
        byte[] plaintext;
        try {
            plaintext = cipher.open(Base64.getDecoder().decode(envelope.payload()),
                    associatedData(envelope.commandId(), envelope.walletId()));
        } catch (DecryptionException | IllegalArgumentException e) {
            throw new UnreadableCommandException("payload cannot be decrypted: " + safeMessage(e));
        }
        WalletCommand command;
        try {
            command = json.readValue(plaintext, WalletCommand.class);
        } catch (JacksonException | IllegalArgumentException e) {
            // The message names the Java type only; the plaintext never reaches logs or the DLQ.
            throw new UnreadableCommandException("payload is not a valid command");
        }
        if (!command.transactionId().toString().equals(envelope.commandId())
                || !command.walletId().toString().equals(envelope.walletId())) {
            throw new UnreadableCommandException("payload does not match the envelope's routing fields");
        }
        return command;
    }

    /**
     * The envelope with its payload sealed again under the current key (for rekey), without parsing
     * the command; the envelope itself when it already is current.
     *
     * @throws UnreadableCommandException when the payload opens under no key of the ring
     */
    public CommandEnvelope reseal(CommandEnvelope envelope) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(envelope.payload());
        } catch (IllegalArgumentException e) {
            throw new UnreadableCommandException("payload is not base64");
        }
        if (cipher.isCurrent(sealed) && cipher.currentKeyId().equals(envelope.keyId())) {
            return envelope;
        }
        try {
            byte[] resealed = cipher.reseal(sealed, associatedData(envelope.commandId(), envelope.walletId()));
            return new CommandEnvelope(envelope.commandId(), envelope.walletId(), cipher.currentKeyId(),
                    Base64.getEncoder().encodeToString(resealed));
        } catch (DecryptionException e) {
            throw new UnreadableCommandException("payload cannot be decrypted: " + e.getMessage());
        }
    }

    /** Whether the envelope is sealed under the current key in the current format. */
    public boolean isCurrent(CommandEnvelope envelope) {
        try {
            return cipher.currentKeyId().equals(envelope.keyId())
                    && cipher.isCurrent(Base64.getDecoder().decode(envelope.payload()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String associatedData(String commandId, String walletId) {
        return Topics.WALLET_COMMANDS + ":" + commandId + ":" + walletId;
    }

    private static String safeMessage(RuntimeException e) {
        return e instanceof DecryptionException ? e.getMessage() : "payload is not base64";
    }

    /** A poison command: retrying cannot help, it belongs on the dead-letter topic. */
    public static final class UnreadableCommandException extends RuntimeException {
        public UnreadableCommandException(String message) {
            super(message);
        }
    }

}
