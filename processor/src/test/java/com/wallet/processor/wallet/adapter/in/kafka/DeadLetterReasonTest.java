package com.wallet.processor.wallet.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.wallet.common.crypto.EncryptionKey;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.StripeEventCodec;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterReasonTest {

    @Test
    void quotesOurOwnPoisonMessages() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new CommandCodec.UnreadableCommandException("payload cannot be decrypted: tag mismatch"));

        assertThat(DeadLetterReason.of(failure)).isEqualTo("payload cannot be decrypted: tag mismatch");
    }

    @Test
    void quotesWhyAStripeEventRecordWasRefused() {
        StripeEventCodec codec = StripeEventCodec.forMasterKeys(EncryptionKey.parse("k1", "0123456789abcdef0123456789abcdef"));
        var refused = catchThrowable(() -> codec.open("{\"eventId\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(DeadLetterReason.of(new ListenerExecutionFailedException("listener failed", refused)))
                .isEqualTo("stripe.events record is not a sealed envelope (eventId, keyId and sealed are required)");
    }

    @Test
    void namesAConstraintViolationWithoutItsSqlOrDetail() {
        var sql = new SQLException("ERROR: duplicate key value violates unique constraint \"x\"\n  "
                + "Detail: Key (id)=(secret-value) already exists.", "23505");
        var failure = new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("PreparedStatementCallback; SQL [INSERT INTO t VALUES (?)]", sql));

        String reason = DeadLetterReason.of(failure);

        assertThat(reason).isEqualTo("database constraint violated (SQLState 23505)");
    }

    @Test
    void namesAnyOtherFailureByItsTypeOnly() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("SELECT * FROM wallets WHERE id = 'x'"));

        assertThat(DeadLetterReason.of(failure)).isEqualTo("not applicable: IllegalStateException");
    }
}
