package com.wallet.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, Redis, then the Kafka broker, stopped for about 10 s while transfers are in flight: consumption pauses
 * (commands are retried in place with back-off), the gateway's failures are retried by the client
 * with the same idempotency key, and everything resumes by itself once the service is back. Each
 * transfer completes exactly once. Meanwhile /actuator/health names the dependency DOWN, quickly,
 * and UP again after. The service is ALWAYS started again, whatever happens.
 */
class DependencyOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int GATEWAY = 8080;
    private static final int PROCESSOR = 8081;
    private static final int WEBHOOK_INGEST = 8082;

    private final WalletApi api = new WalletApi();
    private final SystemControl system = new SystemControl();

    @Test
    void transfersResumeByThemselvesAfterAPostgresOutage() throws Exception {
        try (TransferStream stream = new TransferStream(api, "pg-outage", 16)) {
            stream.submit(60);
            awaitSomeAccepted(stream, 20);
            try {
                system.stopPostgres();
                stream.submit(60); // these meet the outage at the gateway, or wait in Kafka
                awaitHealth(PROCESSOR, "db", "DOWN");
                awaitHealth(GATEWAY, "db", "DOWN");
                pause(OUTAGE);
            } finally {
                system.startPostgres();
            }
            awaitHealth(PROCESSOR, "db", "UP");
            awaitHealth(GATEWAY, "db", "UP");
            stream.submit(40);

            stream.assertEveryTransferCompletedExactlyOnce();
        }
    }

    @Test
    void transfersResumeByThemselvesAfterARedisOutage() throws Exception {
        try (TransferStream stream = new TransferStream(api, "redis-outage", 16)) {
            stream.submit(60);
            awaitSomeAccepted(stream, 20);
            try {
                system.stopRedis();
                // refused by the gateway as UNAVAILABLE while its session store is down (nothing accepted),
                // retried by the stream with the same key until Redis is back, then applied once
                stream.submit(60);
                awaitHealth(GATEWAY, "redis", "DOWN");
                awaitHealth(PROCESSOR, "redis", "DOWN");
                awaitHealth(WEBHOOK_INGEST, "redis", "DOWN");
                pause(OUTAGE);
            } finally {
                system.startRedis();
            }
            awaitHealth(GATEWAY, "redis", "UP");
            awaitHealth(PROCESSOR, "redis", "UP");
            awaitHealth(WEBHOOK_INGEST, "redis", "UP");
            stream.submit(40);

            stream.assertEveryTransferCompletedExactlyOnce();
        }
    }

    @Test
    void transfersResumeByThemselvesAfterAKafkaOutage() throws Exception {
        int processors = system.processorCount();
        try (TransferStream stream = new TransferStream(api, "kafka-outage", 16)) {
            stream.submit(60);
            awaitSomeAccepted(stream, 20);
            try {
                system.stopKafka();
                stream.submit(60); // committed by the gateway, sent by its command relay once Kafka is back
                awaitHealth(PROCESSOR, "kafka", "DOWN");
                awaitHealth(GATEWAY, "kafka", "DOWN");
                pause(OUTAGE);
            } finally {
                system.restartMissing(processors); // starts the broker again
            }
            awaitHealth(PROCESSOR, "kafka", "UP");
            stream.submit(40);

            stream.assertEveryTransferCompletedExactlyOnce();
        }
    }

    private void awaitHealth(int port, String component, String status) {
        await(component + " on port " + port + " is " + status).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> status.equals(system.health(port, component)));
    }

    private static void awaitSomeAccepted(TransferStream stream, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stream.acceptedSoFar() >= count);
    }

    /** The outage lasts this long: Awaitility's fixed wait, not a bare sleep. */
    private static void pause(Duration outage) {
        long until = System.nanoTime() + outage.toNanos();
        await().pollDelay(outage).atMost(outage.plusSeconds(5)).until(() -> System.nanoTime() >= until);
    }
}
