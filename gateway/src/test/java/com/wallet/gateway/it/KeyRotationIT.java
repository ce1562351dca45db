package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.KeyRing;
import com.wallet.common.idempotency.RequestFingerprint;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.TransactionType;
import com.wallet.testsupport.LocalServices;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway in the middle of a rotation: current key B, previous key A (the key of the other ITs).
 * What it writes is sealed under B; what a gateway on A wrote still reads, and an idempotency key
 * used before the rotation still matches its request.
 */
class KeyRotationIT extends GatewayITBase {

    private static final String B = "gateway-rotated-key-0123456789ab";
    private static final KeyRing RING_A = KeyRing.parse(LocalServices.ENCRYPTION_KEY, "");
    private static final KeyRing RING_B = KeyRing.parse(B, "");

    @DynamicPropertySource
    static void rotated(DynamicPropertyRegistry registry) {
        registry.add("wallet.encryption.key", () -> B);
        registry.add("wallet.encryption.previous-keys", () -> LocalServices.ENCRYPTION_KEY);
    }

    @Test
    void writesUnderTheCurrentKeyAndReadsWhatThePreviousOneSealed() {
        String user = newUser();
        String token = token(user);
        String wallet = createWallet(token, "USD");
        Reply accepted = deposit(token, wallet, 500, "sealed-under-b", "rotation-key-1");
        assertThat(accepted.ok()).as(accepted.body().toString()).isTrue();
        String txId = accepted.data("deposit").path("id").asString();

        // new writes: the current key, for every purpose
        assertThat(FieldCipher.keyIdOf(column(txId, "description"))).isEqualTo(RING_B.currentKeyId());
        assertThat(FieldCipher.keyIdOf(column(txId, "payment_method"))).isEqualTo(RING_B.currentKeyId());
        assertThat(fingerprint(txId)).startsWith(RING_B.currentKeyId() + ":");
        CommandEnvelope envelope = JSON.readValue(jdbc.sql(
                "SELECT envelope::text FROM command_outbox WHERE command_id = CAST(:id AS uuid)")
                .param("id", txId).query(String.class).single(), CommandEnvelope.class);
        assertThat(envelope.keyId()).isEqualTo(RING_B.currentKeyId());

        // the row as a gateway on key A wrote it before the rotation
        String canonical = RequestFingerprint.of(TransactionType.DEPOSIT, UUID.fromString(wallet), null, 500, "USD",
                "sealed-under-a", "pm_card_visa");
        jdbc.sql("UPDATE transactions SET description = :d, request_fingerprint = :f WHERE id = CAST(:id AS uuid)")
                .param("d", RING_A.cipher(KeyRing.Purpose.AT_REST).seal("sealed-under-a".getBytes(StandardCharsets.UTF_8),
                        "transactions.description:" + txId))
                .param("f", RING_A.fingerprints().of(canonical)).param("id", txId).update();

        Reply read = graphql(token, "query($id: String!) { getTransaction(id: $id) { description } }", Map.of("id", txId));
        assertThat(read.ok()).as(read.body().toString()).isTrue();
        assertThat(read.data("getTransaction").path("description").asString()).isEqualTo("sealed-under-a");

        Reply replayed = deposit(token, wallet, 500, "sealed-under-a", "rotation-key-1");
        assertThat(replayed.ok()).as(replayed.body().toString()).isTrue();
        assertThat(replayed.data("deposit").path("id").asString()).isEqualTo(txId);
        Reply reused = deposit(token, wallet, 501, "sealed-under-a", "rotation-key-1");
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private byte[] column(String txId, String column) {
        return jdbc.sql("SELECT " + column + " FROM transactions WHERE id = CAST(:id AS uuid)").param("id", txId)
                .query(byte[].class).single();
    }

    private String fingerprint(String txId) {
        return jdbc.sql("SELECT request_fingerprint FROM transactions WHERE id = CAST(:id AS uuid)").param("id", txId)
                .query(String.class).single();
    }
}
