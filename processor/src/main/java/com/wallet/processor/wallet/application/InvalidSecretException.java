package com.wallet.processor.wallet.application;

/** A required secret is missing or malformed; the message names the variable, never the value. */
public class InvalidSecretException extends RuntimeException {

    private final String variable;

    public InvalidSecretException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
