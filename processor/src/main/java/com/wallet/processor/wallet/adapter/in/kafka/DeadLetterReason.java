package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.StripeEventCodec;
import com.wallet.processor.wallet.application.PoisonCommandException;
import com.wallet.processor.wallet.application.UnmatchedStripeEventException;
import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The short reason written to a dead-lettered record's {@code wallet-dlq-reason} header. Only our
 * own poison exceptions, whose messages carry ids and types, are quoted; everything else is named
 * by kind, because a driver's message can hold SQL, a constraint's Detail with column values, or
 * parts of the record.
 */
final class DeadLetterReason {

    private static final int MAX_LENGTH = 200;
    private static final List<Class<? extends Throwable>> QUOTED = List.of(CommandCodec.UnreadableCommandException.class,
            StripeEventCodec.RefusedStripeEventException.class, PoisonCommandException.class, DecryptionException.class,
            UnmatchedStripeEventException.class);

    private DeadLetterReason() {
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            Throwable current = cause;
            if (QUOTED.stream().anyMatch(type -> type.isInstance(current)) && current.getMessage() != null) {
                return shorten(current.getMessage());
            }
            if (current instanceof DeserializationException) {
                return "record value is not valid JSON of the expected type";
            }
            if (current instanceof DataIntegrityViolationException) {
                return "database constraint violated" + sqlState(current);
            }
        }
        return shorten("not applicable: " + rootCause(failure).getClass().getSimpleName());
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (next(cause) != null) {
            cause = next(cause);
        }
        return cause;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return "";
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String shorten(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH);
    }
}
