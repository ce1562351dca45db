package com.wallet.common.config;

/**
 * A required secret is missing or malformed. The message names the environment variable, never
 * the value; {@link InvalidSecretFailureAnalyzer} turns it into one clear start-up failure line.
 */
public class InvalidSecretException extends RuntimeException {

    private final String variable;

    public InvalidSecretException(String variable, String problem) {
        super(variable + " " + problem, null, false, false);
        this.variable = variable;
    }

    /** @return the value when it is set, else throws naming the variable */
    public static String requireSet(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSecretException(variable, "is not set");
        }
        return value;
    }

    public String variable() {
        return variable;
    }
}
