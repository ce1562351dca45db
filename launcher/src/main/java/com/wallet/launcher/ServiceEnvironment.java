package com.wallet.launcher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a service starts with, on top of the launcher's own environment (which it inherits, as
 * bash's {@code nohup env ... java} did): the addresses of its dependencies, its port, the secrets
 * (in the environment only, never on a command line) and the local profile's defaults.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(Settings settings, Service service, LocalSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        String profiles = settings.value("SPRING_PROFILES_ACTIVE", "local");
        // The emulator's well-known Stripe secrets only in local mode: outside it the services refuse them.
        if (Arrays.asList(profiles.split(",")).contains("local")) {
            env.put("STRIPE_SECRET_KEY", settings.value("STRIPE_SECRET_KEY", "sk_test_local"));
            env.put("STRIPE_WEBHOOK_SECRET", settings.value("STRIPE_WEBHOOK_SECRET", "whsec_local"));
        }
        env.put("STRIPE_API_BASE", settings.value("STRIPE_API_BASE", "http://127.0.0.1:" + Settings.EMULATOR_PORT));
        env.put("REDIS_URL", settings.redisUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("DATABASE_URL", settings.databaseUrl());
        env.put("DATABASE_USERNAME", settings.value("DATABASE_USERNAME", "wallet_app"));
        env.put("DATABASE_PASSWORD", settings.value("DATABASE_PASSWORD", ""));
        env.put("ENCRYPTION_SECRET_KEY", secrets.encryptionKey());
        env.put("JWT_SECRET", secrets.jwtSecret());
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("WALLET_ANALYTICS_STATE_DIR",
                settings.value("WALLET_ANALYTICS_STATE_DIR", settings.streamsStateDir().resolve(service.name()).toString()));
        env.put("SERVER_ADDRESS", settings.value("SERVER_ADDRESS", "127.0.0.1"));
        env.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", settings.value("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "2"));
        env.put("SPRING_PROFILES_ACTIVE", profiles);
        env.putAll(service.ownEnv());
        return env;
    }
}
