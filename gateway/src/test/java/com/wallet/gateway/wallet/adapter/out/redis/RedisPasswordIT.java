package com.wallet.gateway.wallet.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.gateway.auth.SecurityConfiguration.JwtProperties;
import com.wallet.gateway.wallet.application.RateLimits;
import com.wallet.gateway.wallet.application.RejectionCode;
import com.wallet.gateway.wallet.application.RequestRejected;
import com.wallet.gateway.wallet.application.Sessions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Status;

/**
 * Issue 8: docker-compose runs Redis with {@code --requirepass} and gives the gateway
 * {@code REDIS_URL=redis://:PASSWORD@redis:6379}. Against a real password-protected redis-server,
 * through the gateway's own {@link RedisConfiguration}: sessions, the rate limiter and the health
 * check authenticate with the first URL's password; a wrong or missing one is refused (UNAVAILABLE,
 * health DOWN) without the password appearing in the rejection or the properties.
 */
class RedisPasswordIT {

    private static final String PASSWORD = "s3cret";
    private static final HealthCheckProperties HEALTH = new HealthCheckProperties(Duration.ofSeconds(2), Duration.ofMillis(1));
    private static final JwtProperties JWT = new JwtProperties("unused", Duration.ofHours(1), Duration.ofSeconds(30));

    private static final List<Process> servers = new ArrayList<>();
    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static int port;

    @BeforeAll
    static void startProtectedRedis() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        port = startServer(PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        servers.forEach(Process::destroy);
    }

    private record Gateway(Sessions sessions, RateLimits rateLimits, TimeBoxedHealthIndicator health) {
    }

    private static RedisConfiguration.RedisProperties properties(String urls) {
        return new RedisConfiguration.RedisProperties(urls, Duration.ofSeconds(1), Duration.ofSeconds(2), 100);
    }

    private static Gateway gateway(String urls) {
        RedisConfiguration configuration = new RedisConfiguration();
        RedisConfiguration.RedisProperties properties = properties(urls);
        RedissonClient redisson = configuration.redisson(properties);
        opened.add(redisson::shutdown);
        TimeBoxedHealthIndicator health = configuration.redisHealthIndicator(redisson, HEALTH);
        opened.add(0, health);
        return new Gateway(configuration.sessions(redisson, properties, JWT, Clock.systemUTC()),
                configuration.rateLimits(redisson, properties), health);
    }

    @Test
    void sessionsRateLimitsAndHealthAuthenticateWithThePasswordInTheUrl() {
        // the gateway uses the first URL of a RedLock list
        Gateway gateway = gateway("redis://:" + PASSWORD + "@127.0.0.1:" + port + ",redis://:other@127.0.0.1:1");
        String user = "user-" + UUID.randomUUID();
        String token = UUID.randomUUID().toString();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).ignoreExceptions()
                .until(() -> !gateway.sessions().isRevoked(user, token, Instant.now()));
        gateway.sessions().revokeToken(token, Instant.now().plusSeconds(60));
        assertThat(gateway.sessions().isRevoked(user, token, Instant.now())).isTrue();
        assertThat(gateway.rateLimits().tryAcquire(user)).isZero();
        Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> gateway.health().health().getStatus().equals(Status.UP));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutQuotingIt() {
        String wrong = "not-the-password-7f3a";
        String url = "redis://:" + wrong + "@127.0.0.1:" + port;
        Gateway gateway = gateway(url);

        assertUnavailable(gateway, wrong);
        assertThat(properties(url)).asString().contains("redis://***@127.0.0.1:" + port).doesNotContain(wrong);
    }

    @Test
    void noPasswordIsRefused() {
        assertUnavailable(gateway("redis://127.0.0.1:" + port), PASSWORD);
    }

    @Test
    void anAclUserAuthenticatesWithItsPassword() throws IOException {
        int acl = startServer(PASSWORD, "--user", "gateway", "on", ">gateway-pw", "~*", "&*", "+@all");

        Gateway gateway = gateway("redis://gateway:gateway-pw@127.0.0.1:" + acl);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).ignoreExceptions()
                .until(() -> gateway.rateLimits().tryAcquire("user-" + UUID.randomUUID()) == 0);
        assertUnavailable(gateway("redis://gateway:wrong@127.0.0.1:" + acl), "gateway-pw");
    }

    private static void assertUnavailable(Gateway gateway, String secret) {
        assertThatThrownBy(() -> gateway.sessions().isRevoked("u", UUID.randomUUID().toString(), Instant.now()))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.UNAVAILABLE))
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> gateway.rateLimits().tryAcquire("u"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.UNAVAILABLE))
                .hasMessageNotContaining(secret);
        // DOWN at every check for 3 s: refused, not merely still connecting
        Awaitility.await().during(3, TimeUnit.SECONDS).atMost(10, TimeUnit.SECONDS)
                .until(() -> gateway.health().health().getStatus().equals(Status.DOWN));
    }

    private static int startServer(String password, String... options) throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/redis-server", "--port", String.valueOf(free),
                "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no"));
        command.addAll(List.of(options));
        Process redis = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        servers.add(redis);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", free)) {
                return true;
            }
        });
        return free;
    }
}
