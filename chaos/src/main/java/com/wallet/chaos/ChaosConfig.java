package com.wallet.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One chaos run's settings. {@code repo} is the checkout whose bin/wallet started the system
 * (its .wallet/pids and secrets); the JWT secret comes from JWT_SECRET or .wallet/secrets/JWT_SECRET.
 */
public record ChaosConfig(long seed, Duration duration, Path repo, String gatewayUrl, String emulatorUrl,
                          String databaseUrl, String databaseUser, String databasePassword, String jwtSecret,
                          String kafkaBootstrap, double operationsPerSecond, int workers, Duration quiescenceTimeout) {

    public ChaosConfig {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new IllegalArgumentException("no JWT secret: set JWT_SECRET or run bin/wallet up first");
        }
    }

    /** The defaults for the local system of {@code repo}, reading the environment like bin/wallet does. */
    public static ChaosConfig local(long seed, Duration duration, Path repo) {
        String secret = System.getenv("JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            try {
                secret = Files.readString(repo.resolve(".wallet/secrets/JWT_SECRET")).trim();
            } catch (IOException e) {
                secret = null;
            }
        }
        String dbUrl = System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/wallet");
        return new ChaosConfig(seed, duration, repo.toAbsolutePath().normalize(), "http://127.0.0.1:8080/graphql",
                "http://127.0.0.1:12111", dbUrl, System.getenv().getOrDefault("DATABASE_USERNAME", "postgres"),
                System.getenv().getOrDefault("DATABASE_PASSWORD", ""), secret,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), 8, 4, Duration.ofMinutes(8));
    }

    public ChaosConfig withQuiescenceTimeout(Duration timeout) {
        return new ChaosConfig(seed, duration, repo, gatewayUrl, emulatorUrl, databaseUrl, databaseUser,
                databasePassword, jwtSecret, kafkaBootstrap, operationsPerSecond, workers, timeout);
    }

    public ChaosConfig withRate(double perSecond) {
        return new ChaosConfig(seed, duration, repo, gatewayUrl, emulatorUrl, databaseUrl, databaseUser,
                databasePassword, jwtSecret, kafkaBootstrap, perSecond, workers, quiescenceTimeout);
    }
}
