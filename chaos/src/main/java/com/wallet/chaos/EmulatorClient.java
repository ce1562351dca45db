package com.wallet.chaos;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Stripe emulator's control API (stripe-emulator/README.md). */
final class EmulatorClient {

    private final Http http;
    private final String base;

    EmulatorClient(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    void apiFault(Fault.StripeApiFault fault) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", fault.emulatorKind());
        body.put("count", fault.count());
        body.put("path", fault.path());
        if (fault.delayMillis() > 0) {
            body.put("delayMs", fault.delayMillis());
        }
        if (fault.emulatorKind().equals("rate_limit")) {
            body.put("shouldRetry", true);
        }
        expect2xx(http.send("POST", base + "/_emulator/faults", body, null), "faults");
    }

    void webhookFault(Fault.WebhookFault fault) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", fault.emulatorKind());
        body.put("count", fault.count());
        if (fault.delayMillis() > 0) {
            body.put("delayMs", fault.delayMillis());
        }
        expect2xx(http.send("POST", base + "/_emulator/webhooks/faults", body, null), "webhook faults");
    }

    /** Clears the pending API faults (webhook faults end by themselves once their events went out). */
    void clearFaults() throws IOException {
        expect2xx(http.send("DELETE", base + "/_emulator/faults", null, null), "clear faults");
    }

    /** Finishes 3-D Secure of a requires_action PaymentIntent; false when the emulator refused. */
    boolean authenticate(String paymentIntentId, boolean success) throws IOException {
        Http.Reply reply = http.send("POST", base + "/_emulator/payment_intents/" + paymentIntentId
                + "/authenticate?success=" + success, null, null);
        return reply.status() / 100 == 2;
    }

    private static void expect2xx(Http.Reply reply, String what) throws IOException {
        if (reply.status() / 100 != 2) {
            throw new IOException("emulator " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
