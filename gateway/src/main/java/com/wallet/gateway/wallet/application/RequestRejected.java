package com.wallet.gateway.wallet.application;

/**
 * A synchronous rejection: nothing was written and nothing published. The message is safe to show
 * to the client (it never contains amounts' owners, descriptions, bank details or secrets).
 */
public final class RequestRejected extends RuntimeException {

    private final RejectionCode code;

    public RequestRejected(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }

    static RequestRejected notFound(String what) {
        return new RequestRejected(RejectionCode.NOT_FOUND, what + " not found");
    }

    static RequestRejected invalid(String message) {
        return new RequestRejected(RejectionCode.INVALID_ARGUMENT, message);
    }
}
