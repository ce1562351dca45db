package com.wallet.processor;

import com.wallet.common.config.WellKnownSecretsGuard;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The wallet processor: applies wallet.commands and stripe.events under a wallet lock in one
 * database transaction each, relays the outbox to wallet.transactions and runs the analytics.
 */
@SpringBootApplication
public class ProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcessorApplication.class, args);
    }

    /** Outside local mode a well-known STRIPE_SECRET_KEY and ENCRYPTION_SECRET_KEY stops the start-up (contract section 3). */
    @Bean
    static WellKnownSecretsGuard wellKnownSecrets() {
        return new WellKnownSecretsGuard(Map.of("STRIPE_SECRET_KEY", "wallet.stripe.secret-key", "ENCRYPTION_SECRET_KEY", "wallet.encryption.key"));
    }
}
