package com.wallet.common.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine): it is read and held to the contract's
 * configuration table (section 3) and to what a deployment needs (health checks, required secrets,
 * a scalable processor, only the public ports published). `docker compose config` checks it too
 * where the client has the compose plugin.
 */
class DockerComposeTest {

    /** Contract section 3: every variable each service of the product is configured with. */
    private static final List<String> CONTRACT_VARIABLES = List.of(
            "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "REDIS_URL",
            "ENCRYPTION_SECRET_KEY", "ENCRYPTION_PREVIOUS_KEYS", "JWT_SECRET", "RATE_LIMIT_MUTATIONS_PER_SECOND",
            "KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD");
    private static final List<String> SECRETS = List.of(
            "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "ENCRYPTION_SECRET_KEY", "JWT_SECRET", "DATABASE_PASSWORD");
    private static final List<String> PRODUCT_SERVICES = List.of("gateway", "processor", "webhook-ingest");
    private static final List<String> PUBLIC_SERVICES = List.of("gateway", "webhook-ingest");

    private final Path root = Repository.root();
    private final String text = read(root.resolve("docker-compose.yml"));
    private final Map<String, Map<String, Object>> services = services(new Yaml().load(text));

    @Test
    void shouldBuildOrPullEveryServiceAndCheckTheHealthOfEveryLongRunningOne() {
        assertThat(services.keySet()).contains("kafka", "postgres", "redis", "stripe-emulator", "gateway",
                "processor", "webhook-ingest", "prometheus", "grafana");
        services.forEach((name, s) -> {
            assertThat(s.containsKey("image") || s.containsKey("build")).as(name + " has an image or a build").isTrue();
            if (!"no".equals(String.valueOf(s.get("restart")))) {
                assertThat(s).as(name + " has a health check").containsKey("healthcheck");
            }
        });
        for (String name : PRODUCT_SERVICES) {
            assertThat(services.get(name)).as(name).containsKey("build");
            assertThat(String.valueOf(healthTest(name))).as(name + " checks /actuator/health").contains("/actuator/health");
        }
    }

    @Test
    void shouldConfigureEveryProductServiceWithTheContractsVariables() {
        for (String name : PRODUCT_SERVICES) {
            assertThat(environment(name).keySet()).as(name).containsAll(CONTRACT_VARIABLES);
            assertThat(environment(name).get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:19092");
            assertThat(String.valueOf(environment(name).get("DATABASE_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
        }
    }

    @Test
    void shouldRequireEverySecretInsteadOfShippingAPlaceholder() {
        for (String name : PRODUCT_SERVICES) {
            for (String secret : SECRETS) {
                assertThat(String.valueOf(environment(name).get(secret))).as(name + " " + secret)
                        .startsWith("${" + secret + ":?");
            }
            assertThat(String.valueOf(environment(name).get("REDIS_URL"))).contains("${REDIS_PASSWORD:?");
        }
        assertThat(text).doesNotContain("CHANGE_ME", "sk_test_local", "whsec_local", ":-postgres}");
    }

    /** Contract section 3: outside local mode the actuator is on MANAGEMENT_SERVER_PORT (the gateway's default 9080). */
    @Test
    void shouldRunOutsideLocalModeWithHealthOnTheManagementPort() {
        for (String name : PRODUCT_SERVICES) {
            assertThat(String.valueOf(environment(name).get("SPRING_PROFILES_ACTIVE"))).as(name).doesNotContain("local");
            assertThat(String.valueOf(environment(name).get("MANAGEMENT_SERVER_PORT"))).as(name).isEqualTo("9080");
            assertThat(String.valueOf(healthTest(name))).as(name).contains("127.0.0.1:9080/actuator/health");
        }
        assertThat(read(root.resolve("ops/prometheus/prometheus.yml"))).contains("gateway:9080").doesNotContain(":9000");
    }

    /** The key ring (contract section 8): the current key and the older ones; no key label variable any more. */
    @Test
    void shouldPassTheKeyRingAndNoKeyId() {
        for (String name : PRODUCT_SERVICES) {
            assertThat(environment(name)).as(name).containsKeys("ENCRYPTION_SECRET_KEY", "ENCRYPTION_PREVIOUS_KEYS");
        }
        assertThat(text).doesNotContain("ENCRYPTION_KEY_ID");
    }

    @Test
    void shouldPublishOnlyTheGatewayAndWebhookIngest() {
        services.forEach((name, s) -> {
            for (Object port : (List<?>) s.getOrDefault("ports", List.of())) {
                if (!PUBLIC_SERVICES.contains(name)) {
                    assertThat(String.valueOf(port)).as(name + " is reachable from this host only").startsWith("127.0.0.1:");
                }
            }
        });
        for (String name : List.of("kafka", "postgres", "redis", "stripe-emulator", "processor")) {
            assertThat(services.get(name)).as(name + " publishes no port").doesNotContainKey("ports");
        }
        assertThat(services.get("gateway").get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(services.get("webhook-ingest").get("ports")).isEqualTo(List.of("8082:8082"));
    }

    @Test
    void shouldLetTheProcessorScale() {
        Map<String, Object> processor = services.get("processor");
        assertThat(processor).doesNotContainKeys("ports", "container_name", "hostname");
        assertThat(String.valueOf(read(root.resolve("ops/prometheus/prometheus.yml")))).contains("dns_sd_configs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepKafkasLogOnAVolume() {
        Map<String, Object> kafka = services.get("kafka");
        String logDirs = String.valueOf(((Map<String, Object>) kafka.get("environment")).get("KAFKA_LOG_DIRS"));
        assertThat((List<String>) kafka.get("volumes")).anyMatch(v -> v.matches("[a-z-]+:" + logDirs + "(:.*)?"));
        String volume = ((List<String>) kafka.get("volumes")).get(0).split(":")[0];
        assertThat((Map<String, Object>) new Yaml().<Map<String, Object>>load(text).get("volumes")).containsKey(volume);
    }

    @Test
    void shouldGiveRedisAPassword() {
        assertThat(String.valueOf(services.get("redis").get("command"))).contains("--requirepass");
        assertThat(String.valueOf(healthTest("redis"))).contains("REDISCLI_AUTH");
    }

    /** The owner migrates once (the migrate service); the services connect as wallet_app, which owns nothing (V6). */
    @Test
    void shouldMigrateAsTheOwnerAndConnectTheServicesAsTheApplicationRole() {
        for (String name : PRODUCT_SERVICES) {
            assertThat(String.valueOf(environment(name).get("DATABASE_USERNAME"))).as(name).isEqualTo("wallet_app");
            assertThat(services.get(name).get("depends_on").toString()).as(name).contains("migrate");
        }
        assertThat(String.valueOf(environment("migrate").get("DATABASE_OWNER_USERNAME"))).isEqualTo("postgres");
        assertThat(String.valueOf(environment("migrate").get("DATABASE_OWNER_PASSWORD"))).startsWith("${POSTGRES_PASSWORD:?");
        assertThat(String.valueOf(environment("migrate").get("DATABASE_PASSWORD"))).startsWith("${DATABASE_PASSWORD:?");
        // no init script hands the database or schema public to the application role
        assertThat(String.valueOf(services.get("postgres").get("volumes"))).doesNotContain("docker-entrypoint-initdb.d");
    }

    @Test
    void shouldMountOnlyFilesThatExist() {
        services.forEach((name, s) -> {
            for (Object volume : (List<?>) s.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(root.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        });
    }

    /**
     * The real parser: `docker compose config`, or the older `docker-compose` (1.29, Debian 12's,
     * which predates the top-level `name`, so it reads a copy without it); skipped without either.
     */
    @Test
    void shouldPassDockerComposeConfigWithTheSecretsSetAndFailWithoutThem(@TempDir Path tmp) throws Exception {
        String[] config;
        if (run(Map.of(), "docker", "compose", "version") == 0) {
            config = new String[] {"docker", "compose", "-f", "docker-compose.yml", "config", "-q"};
        } else if (run(Map.of(), "docker-compose", "version") == 0) {
            Path copy = tmp.resolve("docker-compose.yml");
            Files.writeString(copy, text.replaceFirst("(?m)^name: .*$", ""));
            config = new String[] {"docker-compose", "--project-directory", root.toString(), "-f", copy.toString(), "config", "-q"};
        } else {
            assumeTrue(false, "no docker compose client here");
            return;
        }
        Map<String, String> secrets = Map.of(
                "STRIPE_SECRET_KEY", "sk_test_x", "STRIPE_WEBHOOK_SECRET", "whsec_x",
                "ENCRYPTION_SECRET_KEY", "x".repeat(32), "JWT_SECRET", "y".repeat(40),
                "DATABASE_PASSWORD", "p1", "POSTGRES_PASSWORD", "p2", "REDIS_PASSWORD", "p3",
                "GRAFANA_ADMIN_PASSWORD", "p4");
        assertThat(run(secrets, config)).as(String.join(" ", config)).isZero();
        assertThat(run(Map.of(), config)).as("without the secrets").isNotZero();
    }

    private int run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        for (String secret : List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "ENCRYPTION_SECRET_KEY", "JWT_SECRET",
                "DATABASE_PASSWORD", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "GRAFANA_ADMIN_PASSWORD")) {
            pb.environment().remove(secret);
        }
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return -1;
        }
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private Object healthTest(String service) {
        return ((Map<String, Object>) services.get(service).get("healthcheck")).get("test");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
