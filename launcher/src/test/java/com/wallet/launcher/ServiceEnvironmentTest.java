package com.wallet.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment and command line each service starts with, as bash's start_service built them. */
class ServiceEnvironmentTest {

    private static final LocalSecrets SECRETS = new LocalSecrets("enc-test-key", "jwt-test-secret");

    private static Service service(Settings settings, String name) {
        return Service.lineup(settings).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldGiveEveryServiceTheLocalDefaults() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x"));

        Map<String, String> env = ServiceEnvironment.of(settings, service(settings, "processor-1"), SECRETS);

        assertThat(env).containsEntry("STRIPE_SECRET_KEY", "sk_test_local")
                .containsEntry("STRIPE_WEBHOOK_SECRET", "whsec_local")
                .containsEntry("STRIPE_API_BASE", "http://127.0.0.1:12111")
                .containsEntry("REDIS_URL", "redis://127.0.0.1:6379")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x")
                .containsEntry("DATABASE_USERNAME", "wallet_app")
                .containsEntry("DATABASE_PASSWORD", "")
                .containsEntry("ENCRYPTION_SECRET_KEY", "enc-test-key")
                .containsEntry("JWT_SECRET", "jwt-test-secret")
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("WALLET_ANALYTICS_STATE_DIR", "/repo/.wallet/streams/wallet_x/processor-1")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "2")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("WALLET_TEST_HOOKS", "true");
    }

    @Test
    void shouldTakeTheCallersValuesAndTreatEmptyAsUnset() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("STRIPE_SECRET_KEY", "sk_test_mine", "DATABASE_USERNAME", "",
                "RATE_LIMIT_MUTATIONS_PER_SECOND", "1000000", "SPRING_PROFILES_ACTIVE", "", "DATABASE_PASSWORD", "pw"));

        Map<String, String> env = ServiceEnvironment.of(settings, service(settings, "gateway"), SECRETS);

        assertThat(env).containsEntry("STRIPE_SECRET_KEY", "sk_test_mine")
                .containsEntry("DATABASE_USERNAME", "wallet_app")
                .containsEntry("DATABASE_PASSWORD", "pw")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("RATE_LIMIT_MUTATIONS_PER_SECOND", "1000000")
                .containsEntry("SERVER_PORT", "8080");
    }

    @Test
    void shouldGiveTheEmulatorsWellKnownStripeSecretsOnlyInTheLocalProfile() {
        Settings local = Settings.from(Path.of("/repo"), Map.of("SPRING_PROFILES_ACTIVE", "metrics,local"));
        Settings prod = Settings.from(Path.of("/repo"), Map.of("SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(ServiceEnvironment.of(local, service(local, "webhook-ingest"), SECRETS)).containsKey("STRIPE_WEBHOOK_SECRET");
        assertThat(ServiceEnvironment.of(prod, service(prod, "webhook-ingest"), SECRETS))
                .doesNotContainKeys("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
    }

    @Test
    void shouldKeepTheEmulatorsStateWithItsDatabase() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet_x"));

        assertThat(service(settings, "stripe-emulator").ownEnv())
                .containsEntry("STRIPE_WEBHOOK_URL", "http://127.0.0.1:8082/webhooks/stripe")
                .containsEntry("STRIPE_EMULATOR_STATE_FILE", "/repo/.wallet/stripe-emulator/state-wallet_x.jsonl");
    }

    @Test
    void shouldLineUpTheServicesInStartOrderWithTheirHeaps() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("PROCESSOR_INSTANCES", "2"));

        assertThat(Service.lineup(settings)).extracting(s -> s.name() + ":" + s.module() + ":" + s.port() + ":" + s.xmx())
                .containsExactly("stripe-emulator:stripe-emulator:12111:256m", "gateway:gateway:8080:512m",
                        "processor-1:processor:8081:512m", "processor-2:processor:8091:512m",
                        "webhook-ingest:webhook-ingest:8082:256m");
    }

    @Test
    void shouldPutHeapOptionsAndJarOnTheCommandLineAndNoSecret() {
        Settings settings = Settings.from(Path.of("/repo"), Map.of("JWT_SECRET", "jwt-test-secret"));
        Settings tuned = Settings.from(Path.of("/repo"), Map.of("WALLET_JAVA_OPTS", "  -XX:+UseParallelGC   -Xss512k "));
        ServiceStarter starter = new ServiceStarter(settings, new Processes(settings.pids()), new Logs(settings.logs()), System.out);
        ServiceStarter tunedStarter = new ServiceStarter(tuned, new Processes(tuned.pids()), new Logs(tuned.logs()), System.out);

        assertThat(starter.command(service(settings, "gateway"))).containsExactly("java", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/repo/gateway/target/gateway-" + Settings.VERSION + ".jar");
        assertThat(tunedStarter.command(service(tuned, "processor-1"))).containsExactly("java", "-Xmx512m",
                "-XX:+UseParallelGC", "-Xss512k", "-jar", "/repo/processor/target/processor-" + Settings.VERSION + ".jar");
    }
}
