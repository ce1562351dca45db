package com.wallet.common.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses, outside local mode, secrets everybody knows: the placeholders of docker-compose.yml
 * ({@code CHANGE_ME...}) and the local-mode defaults of the Stripe emulator. Each service calls it
 * for every secret it reads, so a deployment that forgot one stops at start-up with one line
 * naming the variable (never the value).
 */
public final class WellKnownSecrets {

    /** The Spring profile bin/wallet up runs the services with. */
    public static final String LOCAL_PROFILE = "local";

    private static final String PLACEHOLDER_PREFIX = "change_me";
    private static final Set<String> LOCAL_DEFAULTS = Set.of("sk_test_local", "whsec_local");

    private WellKnownSecrets() {
    }

    public static boolean localMode(Environment environment) {
        return environment != null && environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
    }

    /** @throws InvalidSecretException naming {@code variable} when {@code value} is well known outside local mode */
    public static void refuseOutsideLocalMode(Environment environment, String variable, String value) {
        refuse(localMode(environment), variable, value);
    }

    public static void refuse(boolean localMode, String variable, String value) {
        if (!localMode && isWellKnown(value)) {
            throw new InvalidSecretException(variable, "is a well-known value (a placeholder or a local-mode "
                    + "default), refused outside local mode (profile '" + LOCAL_PROFILE + "')");
        }
    }

    static boolean isWellKnown(String value) {
        if (value == null) {
            return false;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return normalized.startsWith(PLACEHOLDER_PREFIX) || LOCAL_DEFAULTS.contains(normalized)
                || Arrays.stream(normalized.split(",")).map(String::trim).anyMatch(LOCAL_DEFAULTS::contains);
    }
}
