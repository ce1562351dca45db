package com.wallet.webhook.stripe.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.webhook.stripe.application.PublishedEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Status;

/**
 * Issue 8: against a real password-protected redis-server, through webhook-ingest's own
 * {@link RedisConfiguration}: the de-duplication and the health check authenticate with
 * {@code REDIS_URL}'s password; a wrong one is refused at start-up without being quoted.
 */
class RedisPasswordIT {

    private static final String PASSWORD = "s3cret";
    private static final HealthCheckProperties HEALTH = new HealthCheckProperties(Duration.ofSeconds(2), Duration.ofMillis(1));

    private static Process server;
    private static int port;

    @BeforeAll
    static void startProtectedRedis() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--requirepass", PASSWORD, "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    private static RedisConfiguration.RedisProperties properties(String urls) {
        return new RedisConfiguration.RedisProperties(urls, Duration.ofMinutes(5));
    }

    @Test
    void deduplicatesAndAnswersHealthWithThePasswordInTheUrl() throws Exception {
        RedisConfiguration configuration = new RedisConfiguration();
        RedisConfiguration.RedisProperties properties = properties("redis://:" + PASSWORD + "@127.0.0.1:" + port);
        RedissonClient redisson = configuration.redisson(properties);
        try (TimeBoxedHealthIndicator health = configuration.redisHealthIndicator(redisson, HEALTH)) {
            PublishedEvents events = configuration.publishedEvents(redisson, properties);
            String eventId = "evt_" + UUID.randomUUID();

            events.remember(eventId);

            assertThat(events.contains(eventId)).isTrue();
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> health.health().getStatus().equals(Status.UP));
        } finally {
            redisson.shutdown();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutQuotingIt() {
        String wrong = "not-the-password-7f3a";
        RedisConfiguration.RedisProperties properties = properties("redis://:" + wrong + "@127.0.0.1:" + port);

        assertThatThrownBy(() -> new RedisConfiguration().redisson(properties).shutdown())
                .satisfies(e -> assertThat(trace(e)).contains("WRONGPASS").doesNotContain(wrong));
        assertThat(properties).asString().contains("redis://***@127.0.0.1:" + port).doesNotContain(wrong);
    }

    private static String trace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
