package com.wallet.launcher;

/** A failure the launcher reports as one line ("wallet: ...") and exit status 1, never a stack trace. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
