package com.wallet.checker;

/** The check could not run at all (a source unreachable): neither a pass nor a violation. */
public class CheckFailedException extends RuntimeException {

    public CheckFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
