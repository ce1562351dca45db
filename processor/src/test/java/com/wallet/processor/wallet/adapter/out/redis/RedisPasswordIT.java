package com.wallet.processor.wallet.adapter.out.redis;

import com.wallet.processor.wallet.application.port.WalletLocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wallet.common.health.HealthCheckProperties;
import com.wallet.common.health.TimeBoxedHealthIndicator;
import com.wallet.processor.wallet.application.port.WalletLocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Issue 8: docker-compose runs Redis with {@code --requirepass} and gives the services
 * {@code REDIS_URL=redis://:PASSWORD@redis:6379}. Against a real password-protected redis-server,
 * through the processor's own {@link RedisConfiguration}: the URL's password authenticates the
 * wallet locks and the health check (alone, as an ACL user, and in each URL of a RedLock list); a
 * wrong or missing password is refused, and neither the failure nor the properties quote it.
 */
class RedisPasswordIT {

    private static final String PASSWORD = "s3cret";
    private static final HealthCheckProperties HEALTH = new HealthCheckProperties(Duration.ofSeconds(2), Duration.ofMillis(1));

    private static final List<Process> servers = new ArrayList<>();
    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static int port;

    @BeforeAll
    static void startProtectedRedis() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        port = startMaster(PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        servers.forEach(Process::destroy);
    }

    private record Client(WalletLocks locks, TimeBoxedHealthIndicator health) {
    }

    private static Client client(String urls) {
        RedisConfiguration configuration = new RedisConfiguration();
        RedisLockProperties properties = new RedisLockProperties(urls, Duration.ofSeconds(3), Duration.ofSeconds(10));
        RedisConfiguration.RedissonMasters masters = configuration.redissonMasters(properties);
        opened.add(masters::shutdown);
        TimeBoxedHealthIndicator health = configuration.redisHealthIndicator(masters, HEALTH);
        opened.add(0, health);
        return new Client(configuration.walletLocks(masters, properties, new SimpleMeterRegistry()), health);
    }

    private static boolean locks(Client client) {
        return lockFailure(client) == null;
    }

    /** @return why a lock could not be taken, with its whole cause chain as text; null when it was taken */
    private static String lockFailure(Client client) {
        try (WalletLocks.LockHandle ignored = client.locks().lock(List.of(UUID.randomUUID()))) {
            return null;
        } catch (WalletLocks.LockUnavailableException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }

    /** UP once the lazily connecting clients have connected (the first check may time out while they do). */
    private static void assertUp(Client client) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> client.health().health().getStatus().equals(Status.UP));
    }

    /** DOWN at every check for 3 s: refused, not merely still connecting. */
    private static void assertStaysDown(Client client) {
        Awaitility.await().during(3, TimeUnit.SECONDS).atMost(10, TimeUnit.SECONDS)
                .until(() -> client.health().health().getStatus().equals(Status.DOWN));
    }

    @Test
    void authenticatesWithThePasswordInTheUrl() {
        Client client = client("redis://:" + PASSWORD + "@127.0.0.1:" + port);

        assertThat(locks(client)).isTrue();
        assertUp(client);
    }

    @Test
    void isRefusedWithAWrongPasswordWithoutQuotingIt() {
        String wrong = "not-the-password-7f3a";
        Client client = client("redis://:" + wrong + "@127.0.0.1:" + port);

        String failure = lockFailure(client);
        assertThat(failure).isNotNull().contains("WRONGPASS").doesNotContain(wrong);
        assertStaysDown(client);
        assertThat(new RedisLockProperties("redis://:" + wrong + "@127.0.0.1:" + port, Duration.ZERO, Duration.ZERO))
                .asString().contains("redis://***@127.0.0.1:" + port).doesNotContain(wrong);
    }

    @Test
    void authenticatesAnAclUserWithItsPassword() throws IOException {
        int acl = startMaster(PASSWORD, "--user", "wallet", "on", ">wallet-pw", "~*", "&*", "+@all");

        assertThat(locks(client("redis://wallet:wallet-pw@127.0.0.1:" + acl))).isTrue();
        assertThat(locks(client("redis://wallet:wrong@127.0.0.1:" + acl))).isFalse();
    }

    @Test
    void isRefusedWithoutAPassword() {
        Client client = client("redis://127.0.0.1:" + port);

        assertThat(locks(client)).isFalse();
        assertStaysDown(client);
    }

    @Test
    void authenticatesEachMasterOfARedLockListWithItsOwnPassword() throws IOException {
        int second = startMaster("other-" + PASSWORD);
        int third = startMaster("third");
        String urls = "redis://:" + PASSWORD + "@127.0.0.1:" + port + ", redis://:other-" + PASSWORD + "@127.0.0.1:" + second
                + ",redis://:third@127.0.0.1:" + third;

        Client client = client(urls);

        assertThat(locks(client)).isTrue();
        assertUp(client);
        // one master with a wrong password: 2 of 3 still make the quorum, 1 of 3 does not
        String oneWrong = urls.replace("other-" + PASSWORD, "wrong");
        assertUp(client(oneWrong));
        String twoWrong = oneWrong.replace(":third@", ":wrong@");
        Client minority = client(twoWrong);
        assertStaysDown(minority);
        assertThat(locks(minority)).isFalse();
    }

    private static int startMaster(String password, String... options) throws IOException {
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
