package com.wallet.chaos;

import java.io.IOException;

/** The processor's lock-pause test hook, {@code /_test/lock-pause} on each instance's port. */
final class LockPauseHookClient {

    record Status(int fired, long pauseMs) {
    }

    private final Http http;

    LockPauseHookClient(Http http) {
        this.http = http;
    }

    /** Arms the next lock holder of {@code walletId} on the instance; false when it has no hook. */
    boolean arm(int instance, String walletId) throws IOException {
        return http.send("POST", url(instance) + "?walletId=" + walletId, null, null).status() == 200;
    }

    Status status(int instance) throws IOException {
        Http.Reply reply = http.send("GET", url(instance), null, null);
        return new Status(reply.body().path("fired").asInt(0), reply.body().path("pauseMs").asLong(0));
    }

    void disarm(int instance) {
        try {
            http.send("DELETE", url(instance), null, null);
        } catch (IOException ignored) {
            // the instance is down: its arming died with it
        }
    }

    private static String url(int instance) {
        return "http://127.0.0.1:" + SystemControl.processorPort(instance) + "/_test/lock-pause";
    }
}
