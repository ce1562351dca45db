package com.wallet.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class WellKnownSecretsTest {

    @Test
    void refusesPlaceholdersAndLocalDefaultsOutsideLocalModeNamingTheVariableNotTheValue() {
        for (String[] known : new String[][] {
                {"JWT_SECRET", "CHANGE_ME_jwt_secret_of_at_least_32_bytes"},
                {"ENCRYPTION_SECRET_KEY", "CHANGE_ME_32_ASCII_CHARACTERS_00"},
                {"STRIPE_SECRET_KEY", "sk_test_local"},
                {"STRIPE_WEBHOOK_SECRET", "whsec_local"}}) {
            assertThatThrownBy(() -> WellKnownSecrets.refuse(false, known[0], known[1]))
                    .isInstanceOf(InvalidSecretException.class)
                    .hasMessageStartingWith(known[0] + " is a well-known value")
                    .hasMessageNotContaining(known[1]);
            assertThatCode(() -> WellKnownSecrets.refuse(true, known[0], known[1])).doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsRealLookingSecretsAndAbsentOnes() {
        assertThatCode(() -> WellKnownSecrets.refuse(false, "STRIPE_SECRET_KEY", "sk_test_processor_it"))
                .doesNotThrowAnyException();
        assertThatCode(() -> WellKnownSecrets.refuse(false, "JWT_SECRET", null)).doesNotThrowAnyException();
        assertThatCode(() -> WellKnownSecrets.refuse(false, "JWT_SECRET", "q8Zr0m9k2L7x...random"))
                .doesNotThrowAnyException();
    }

    @Test
    void localModeIsTheLocalProfile() {
        StandardEnvironment environment = new StandardEnvironment();
        assertThat(WellKnownSecrets.localMode(environment)).isFalse();
        environment.setActiveProfiles("local");
        assertThat(WellKnownSecrets.localMode(environment)).isTrue();
    }
}
