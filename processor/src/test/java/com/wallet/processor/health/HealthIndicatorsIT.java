package com.wallet.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.KafkaClusterHealthIndicator;
import com.wallet.common.health.RedisQuorumHealthIndicator;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.processor.ProcessorIntegrationTest;
import com.wallet.testsupport.LocalServices;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * The health checks against real services: the real Kafka, PostgreSQL and Redis answer UP; a port
 * where nothing listens, or a server that accepts and never answers, is DOWN, and the answer comes
 * within the time box (2 s) even though the clients' own timeouts are far longer.
 */
class HealthIndicatorsIT {

    private static final HealthCheckProperties HEALTH = new HealthCheckProperties(Duration.ofSeconds(2), Duration.ofMillis(500));
    private static final Duration QUICKLY = Duration.ofMillis(3_000);

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void kafkaIsUpWhenTheClusterAnswersAndDownQuicklyWhenItDoesNot() throws Exception {
        String bootstrap = LocalServices.kafkaBootstrap();
        try (ServerSocket silent = silentServer()) {
            assertThat(timed(kafka(bootstrap)).getStatus()).isEqualTo(Status.UP);
            assertThat(timed(kafka("127.0.0.1:" + freePort())).getStatus()).isEqualTo(Status.DOWN);
            assertThat(timed(kafka("127.0.0.1:" + silent.getLocalPort())).getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void postgresIsUpWhenItAnswersAndDownQuicklyWhenItDoesNot() throws Exception {
        assertThat(timed(db(LocalServices.jdbcUrl(ProcessorIntegrationTest.DATABASE))).getStatus()).isEqualTo(Status.UP);
        // the pool would wait its 30 s connection timeout here; the time box answers first
        assertThat(timed(db("jdbc:postgresql://127.0.0.1:" + freePort() + "/wallet")).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void redisNeedsAQuorumOfItsMasters() throws Exception {
        String real = LocalServices.redisUrl();
        String dead = "redis://127.0.0.1:" + freePort();
        try (ServerSocket silent = silentServer()) {
            String hanging = "redis://127.0.0.1:" + silent.getLocalPort();

            assertThat(timed(redis(real)).getStatus()).isEqualTo(Status.UP);
            assertThat(timed(redis(dead)).getStatus()).isEqualTo(Status.DOWN);
            assertThat(timed(redis(hanging)).getStatus()).isEqualTo(Status.DOWN);
            assertThat(timed(redis(real, real, dead)).getStatus()).as("2 of 3 reachable").isEqualTo(Status.UP);
            Health minority = timed(redis(real, dead, dead));
            assertThat(minority.getStatus()).as("1 of 3 reachable").isEqualTo(Status.DOWN);
            assertThat(minority.getDetails()).containsEntry("reachable", 1).containsEntry("quorum", 2);
        }
    }

    @Test
    void aCheckThatHangsIsDownWithinTheTimeBoxAndDoesNotPileUpThreads() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        HealthIndicator hangs = () -> {
            try {
                never.await(); // a dependency that never answers (not a test wait)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        };
        TimeBoxedHealthIndicator boxed = open(HEALTH.timeBoxed("hangs", hangs));

        assertThat(answerOf(boxed).getStatus()).isEqualTo(Status.DOWN);
        long start = System.nanoTime();
        assertThat(boxed.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the check still in flight is not started again")
                .isLessThan(Duration.ofMillis(500));
    }

    private HealthIndicator kafka(String bootstrap) {
        return open(HEALTH.timeBoxed("kafka", new KafkaClusterHealthIndicator(
                Map.of("bootstrap.servers", bootstrap), HEALTH.innerTimeout())));
    }

    private HealthIndicator db(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(LocalServices.username());
        ds.setPassword(LocalServices.password());
        ds.setMaximumPoolSize(1);
        ds.setInitializationFailTimeout(-1);
        opened.add(ds);
        return open(HEALTH.timeBoxed("db", new DataSourceHealthIndicator(ds, "SELECT 1")));
    }

    private HealthIndicator redis(String... urls) {
        List<RedissonClient> clients = new ArrayList<>();
        for (String url : urls) {
            Config config = new Config();
            config.setLazyInitialization(true);
            config.useSingleServer().setAddress(url).setConnectTimeout(1_000).setTimeout(1_000).setRetryAttempts(0);
            RedissonClient client = Redisson.create(config);
            opened.add(client::shutdown);
            clients.add(client);
        }
        return open(HEALTH.timeBoxed("redis", new RedisQuorumHealthIndicator(clients, HEALTH.innerTimeout())));
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** The answer of a check, asserting it came within the time box. */
    private static Health timed(HealthIndicator indicator) {
        return answerOf(indicator);
    }

    private static Health answerOf(HealthIndicator indicator) {
        long start = System.nanoTime();
        Health health = indicator.health();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("health answered in").isLessThan(QUICKLY);
        return health;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Accepts TCP connections (the backlog) and never answers: a hung dependency. */
    private static ServerSocket silentServer() throws IOException {
        return new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    }
}
