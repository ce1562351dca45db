package com.wallet.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides which real services integration tests use: Testcontainers where a
 * Docker engine exists, otherwise the PostgreSQL and Redis on this machine's loopback and an
 * in-JVM KRaft broker. Either way the tests talk to real servers, never to mocks.
 *
 * <p>Each test suite names its own database so suites running side by side cannot see each
 * other's rows; it is created if missing.
 */
public final class LocalServices {

    public static final String ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef";
    public static final String JWT_SECRET = "test-jwt-secret-that-is-at-least-32-bytes-long";

    private static final boolean DOCKER = dockerAvailable();
    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();
    private static PostgreSQLContainer postgres;
    private static GenericContainer<?> redis;
    private static KafkaContainer kafkaContainer;
    private static EmbeddedKafkaKraftBroker embeddedKafka;

    private LocalServices() {
    }

    /** Registers datasource, Redis and Kafka properties for a Spring test context. */
    public static void register(DynamicPropertyRegistry registry, String database, String... topics) {
        String jdbcUrl = jdbcUrl(database);
        registry.add("spring.datasource.url", () -> jdbcUrl);
        // As in production: the owner migrates (the services do not, outside tests), the service
        // connects as the application role, which cannot change the schema.
        registry.add("spring.flyway.enabled", () -> "true");
        registry.add("spring.flyway.user", LocalServices::username);
        registry.add("spring.flyway.password", LocalServices::password);
        registry.add("spring.datasource.username", LocalServices::appUsername);
        registry.add("spring.datasource.password", LocalServices::appPassword);
        registry.add("wallet.redis.urls", LocalServices::redisUrl);
        registry.add("spring.kafka.bootstrap-servers", () -> kafkaBootstrap(topics));
    }

    /**
     * The JDBC URL of a test database, created if missing. {@code TEST_DATABASE_SUFFIX} is appended to
     * the name, so two checkouts can run their suites side by side on one PostgreSQL.
     */
    public static synchronized String jdbcUrl(String database) {
        return DATABASES.computeIfAbsent(database + env("TEST_DATABASE_SUFFIX", ""), LocalServices::createDatabase);
    }

    public static String username() {
        return DOCKER ? postgres().getUsername() : env("TEST_DATABASE_USERNAME", "postgres");
    }

    public static String password() {
        return DOCKER ? postgres().getPassword() : env("TEST_DATABASE_PASSWORD", "");
    }

    /**
     * The role the services connect as: wallet_app, created by migration V6 (no DDL, no UPDATE or
     * DELETE of postings and audit entries). It has no password, which the trust authentication of
     * this machine's PostgreSQL accepts; a container asks for one, so there the owner stands in.
     */
    public static String appUsername() {
        return DOCKER ? username() : env("TEST_DATABASE_APP_USERNAME", "wallet_app");
    }

    public static String appPassword() {
        return DOCKER ? password() : env("TEST_DATABASE_APP_PASSWORD", "");
    }

    public static synchronized String redisUrl() {
        if (!DOCKER) {
            return env("TEST_REDIS_URL", "redis://127.0.0.1:6379");
        }
        if (redis == null) {
            redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
        }
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    /** A real broker for this JVM: a Kafka container with Docker, an in-JVM KRaft broker without. */
    public static synchronized String kafkaBootstrap(String... topics) {
        if (DOCKER) {
            if (kafkaContainer == null) {
                kafkaContainer = new KafkaContainer("apache/kafka:" + declaredKafkaVersion());
                kafkaContainer.start();
            }
            return kafkaContainer.getBootstrapServers();
        }
        if (embeddedKafka == null) {
            embeddedKafka = new EmbeddedKafkaKraftBroker(1, 12, topics);
            embeddedKafka.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "num.partitions", "12",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1"));
            embeddedKafka.afterPropertiesSet();
        } else if (topics.length > 0) {
            embeddedKafka.addTopics(missing(topics));
        }
        return embeddedKafka.getBrokersAsString();
    }

    /** The broker version of wallet/kafka.properties (common's resource, on every test classpath). */
    private static String declaredKafkaVersion() {
        try (var in = LocalServices.class.getClassLoader().getResourceAsStream("wallet/kafka.properties")) {
            if (in == null) {
                throw new IllegalStateException("wallet/kafka.properties (module common) is not on the test classpath");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("kafka.version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] missing(String[] topics) {
        return java.util.Arrays.stream(topics)
                .filter(t -> !embeddedKafka.getTopics().contains(t))
                .toArray(String[]::new);
    }

    private static String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("test database names are lower-case identifiers");
        }
        String adminUrl = DOCKER ? postgres().getJdbcUrl()
                : env("TEST_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(adminUrl, username(), password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + adminUrl
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    private static synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:15-alpine");
            postgres.start();
        }
        return postgres;
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("TESTCONTAINERS_ENABLED"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
