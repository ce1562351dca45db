package com.wallet.gateway;

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

    public String variable() {
        return variable;
    }
}
