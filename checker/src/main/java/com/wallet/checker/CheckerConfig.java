package com.wallet.checker;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the check reads from and what it tolerates.
 *
 * @param stripeEmulator the emulator's base URL (local mode), or null
 * @param stripeApiKey   a Stripe secret key for the real API (production), used when no emulator is given;
 *                       both null: the Stripe side is not checked
 * @param stripeWindow   how far back the Stripe API is listed (production)
 */
public record CheckerConfig(String jdbcUrl, String databaseUser, String databasePassword, String kafkaBootstrap,
                            String topic, URI stripeEmulator, String stripeApiKey, Duration stripeWindow,
                            Duration deadline, Duration outboxDeadline) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_OUTBOX_DEADLINE = Duration.ofMinutes(1);

    public CheckerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(outboxDeadline, "outboxDeadline");
    }

    /** The local system `bin/wallet up` runs, with the given database and emulator. */
    public static CheckerConfig local(String jdbcUrl, String kafkaBootstrap, URI stripeEmulator) {
        return new CheckerConfig(jdbcUrl, "postgres", "", kafkaBootstrap, "wallet.transactions", stripeEmulator, null,
                null, DEFAULT_DEADLINE, DEFAULT_OUTBOX_DEADLINE);
    }

    public CheckerConfig withDeadline(Duration deadline) {
        return new CheckerConfig(jdbcUrl, databaseUser, databasePassword, kafkaBootstrap, topic, stripeEmulator,
                stripeApiKey, stripeWindow, deadline, outboxDeadline);
    }

    public CheckerConfig withCredentials(String databaseUser, String databasePassword) {
        return new CheckerConfig(jdbcUrl, databaseUser, databasePassword, kafkaBootstrap, topic, stripeEmulator,
                stripeApiKey, stripeWindow, deadline, outboxDeadline);
    }

    public CheckerConfig withDatabase(String jdbcUrl) {
        return new CheckerConfig(jdbcUrl, databaseUser, databasePassword, kafkaBootstrap, topic, stripeEmulator,
                stripeApiKey, stripeWindow, deadline, outboxDeadline);
    }

    @Override
    public String toString() {
        return "CheckerConfig[" + jdbcUrl + ", kafka " + kafkaBootstrap + ", topic " + topic + ", stripe "
                + (stripeEmulator != null ? stripeEmulator : stripeApiKey != null ? "API (key redacted)" : "not checked")
                + ", deadline " + deadline + "]";
    }
}
