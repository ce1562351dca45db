package com.wallet.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class WellKnownSecretsGuardTest {

    private static StandardEnvironment environment(String stripeKey, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("wallet.stripe.secret-key", stripeKey)));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    private static void check(StandardEnvironment environment) {
        WellKnownSecretsGuard guard = new WellKnownSecretsGuard(Map.of("STRIPE_SECRET_KEY", "wallet.stripe.secret-key",
                "ENCRYPTION_SECRET_KEY", "wallet.encryption.key"));
        guard.setEnvironment(environment);
        guard.postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    @Test
    void stopsTheStartUpOnTheLocalStripeKeyOutsideLocalModeOnly() {
        assertThatThrownBy(() -> check(environment("sk_test_local")))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageStartingWith("STRIPE_SECRET_KEY is a well-known value").hasMessageNotContaining("sk_test_local");
        assertThatCode(() -> check(environment("sk_test_local", "local"))).doesNotThrowAnyException();
        assertThatCode(() -> check(environment("sk_test_processor_it"))).doesNotThrowAnyException();
    }
}
