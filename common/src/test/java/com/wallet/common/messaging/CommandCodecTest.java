package com.wallet.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.crypto.FieldCipher;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommandCodecTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CommandCodec codec =
            new CommandCodec(new FieldCipher(EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef")), json);

    @Test
    void sealsEveryCommandTypeAndOpensItAgain() {
        UUID tx = UUID.randomUUID();
        UUID from = UUID.randomUUID();
        for (WalletCommand command : new WalletCommand[] {
                new DepositFunds(tx, from, 10_000, "USD", "pm_card_visa"),
                new WithdrawFunds(tx, from, 500, "USD"),
                new TransferFunds(tx, from, UUID.randomUUID(), 250, "EUR")}) {
            CommandEnvelope envelope = codec.seal(command);
            assertThat(envelope.commandId()).isEqualTo(tx.toString());
            assertThat(envelope.walletId()).isEqualTo(from.toString());
            assertThat(envelope.keyId()).isEqualTo("k1");
            assertThat(codec.isCurrent(envelope)).isTrue();
            assertThat(codec.open(envelope)).isEqualTo(command);
        }
    }

    @Test
    void theEnvelopeCarriesOnlyRoutingDataInClear() {
        CommandEnvelope envelope = codec.seal(new DepositFunds(UUID.randomUUID(), UUID.randomUUID(),
                987_654, "USD", "pm_card_visa"));
        String wire = json.writeValueAsString(envelope);
        assertThat(wire).doesNotContain("987654").doesNotContain("pm_card_visa").doesNotContain("DEPOSIT");
    }

    @Test
    void rejectsAnEnvelopeWhoseRoutingWasAltered() {
        CommandEnvelope envelope = codec.seal(new WithdrawFunds(UUID.randomUUID(), UUID.randomUUID(), 5, "USD"));
        CommandEnvelope rerouted = new CommandEnvelope(envelope.commandId(), UUID.randomUUID().toString(),
                envelope.keyId(), envelope.payload());
        assertThatThrownBy(() -> codec.open(rerouted)).isInstanceOf(CommandCodec.UnreadableCommandException.class);
    }

    @Test
    void rejectsGarbageAsUnreadableNotAsACrash() {
        assertThatThrownBy(() -> codec.open(new CommandEnvelope("c", "w", "k1", "not base64!")))
                .isInstanceOf(CommandCodec.UnreadableCommandException.class);
        assertThatThrownBy(() -> codec.open(new CommandEnvelope("c", "w", "k1",
                Base64.getEncoder().encodeToString(new byte[40]))))
                .isInstanceOf(CommandCodec.UnreadableCommandException.class);
        assertThatThrownBy(() -> codec.open(null)).isInstanceOf(CommandCodec.UnreadableCommandException.class);
    }

    @Test
    void everyCommandTypeIsRegisteredForJson() {
        var registered = Arrays.stream(WalletCommand.class
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
                .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::value)
                .toList();
        assertThat(registered).containsExactlyInAnyOrder(WalletCommand.class.getPermittedSubclasses());
    }

    @Test
    void commandsValidateTheirFields() {
        UUID w = UUID.randomUUID();
        assertThatThrownBy(() -> new WithdrawFunds(UUID.randomUUID(), w, 0, "USD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferFunds(UUID.randomUUID(), w, w, 1, "USD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DepositFunds(UUID.randomUUID(), w, 1, "usd!", "pm"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resealsACommandOfAPreviousKeyUnderTheCurrentOne() {
        String a = "0123456789abcdef0123456789abcdef";
        String b = "fedcba9876543210fedcba9876543210";
        CommandCodec underA = new CommandCodec(com.wallet.common.crypto.KeyRing.parse(a, "")
                .cipher(com.wallet.common.crypto.KeyRing.Purpose.COMMANDS), json);
        CommandCodec rotated = new CommandCodec(com.wallet.common.crypto.KeyRing.parse(b, a)
                .cipher(com.wallet.common.crypto.KeyRing.Purpose.COMMANDS), json);
        CommandCodec onlyB = new CommandCodec(com.wallet.common.crypto.KeyRing.parse(b, "")
                .cipher(com.wallet.common.crypto.KeyRing.Purpose.COMMANDS), json);
        WithdrawFunds command = new WithdrawFunds(UUID.randomUUID(), UUID.randomUUID(), 500, "USD");
        CommandEnvelope old = underA.seal(command);

        assertThat(rotated.open(old)).isEqualTo(command);
        assertThat(rotated.isCurrent(old)).isFalse();
        CommandEnvelope resealed = rotated.reseal(old);
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(resealed.keyId()).isEqualTo(onlyB.seal(command).keyId()).isNotEqualTo(old.keyId());
        assertThat(onlyB.open(resealed)).isEqualTo(command);
        assertThat(rotated.reseal(resealed)).isSameAs(resealed);
        assertThatThrownBy(() -> onlyB.open(old)).isInstanceOf(CommandCodec.UnreadableCommandException.class);
    }
}
