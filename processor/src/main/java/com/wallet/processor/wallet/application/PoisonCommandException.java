package com.wallet.processor.wallet.application;

/**
 * A command that can never be applied (wrong routing, unknown transaction, disagreeing with the
 * row the gateway wrote). Not retried: it goes to the dead-letter topic.
 */
public class PoisonCommandException extends RuntimeException {

    public PoisonCommandException(String message) {
        super(message);
    }
}
