package com.wallet.common.messaging;

/**
 * Kafka topic names of the contract (section 9), as constants for annotations. Partitions and
 * replication are in wallet/kafka.properties ({@link DeclaredTopics}); KafkaDeclarationsTest keeps
 * the two lists equal.
 */
public final class Topics {

    public static final String WALLET_COMMANDS = "wallet.commands";
    public static final String WALLET_COMMANDS_DLQ = "wallet.commands.dlq";
    public static final String STRIPE_EVENTS = "stripe.events";
    public static final String STRIPE_EVENTS_DLQ = STRIPE_EVENTS + ".dlq";
    public static final String WALLET_TRANSACTIONS = "wallet.transactions";
    public static final String ANALYTICS_PREFIX = "wallet.analytics.";
    public static final String ANALYTICS_VOLUME = ANALYTICS_PREFIX + "volume";
    public static final String ANALYTICS_ACTIVITY_MINUTE = ANALYTICS_PREFIX + "activity.minute";
    public static final String ANALYTICS_ACTIVITY_DAY = ANALYTICS_PREFIX + "activity.day";
    public static final String ANALYTICS_WALLET_ACTIVITY_DAY = ANALYTICS_PREFIX + "wallet-activity.day";

    /** Partitions of wallet.commands: the unit of parallelism of the processor group. */
    public static final int COMMAND_PARTITIONS = 12;

    private Topics() {
    }
}
