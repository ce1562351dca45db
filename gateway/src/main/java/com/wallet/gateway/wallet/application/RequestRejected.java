package com.wallet.gateway.wallet.application;

import java.util.Map;

/**
 * A synchronous rejection: nothing was written and nothing published. The message is safe to show
 * to the client (it never contains amounts' owners, descriptions, bank details or secrets); the
 * details (e.g. {@code retryAfterMs}) go to the error's extensions.
 */
public final class RequestRejected extends RuntimeException {

    private final RejectionCode code;
    private final Map<String, Object> details;

    public RequestRejected(RejectionCode code, String message) {
        this(code, message, Map.of());
    }

    public RequestRejected(RejectionCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public RejectionCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static RequestRejected unavailable(String dependency) {
        return new RequestRejected(RejectionCode.UNAVAILABLE, dependency + " is unavailable; nothing was accepted, "
                + "try again later");
    }

    public static RequestRejected invalidArgument(String message) {
        return new RequestRejected(RejectionCode.INVALID_ARGUMENT, message);
    }

    static RequestRejected notFound(String what) {
        return new RequestRejected(RejectionCode.NOT_FOUND, what + " not found");
    }

    static RequestRejected invalid(String message) {
        return invalidArgument(message);
    }
}
