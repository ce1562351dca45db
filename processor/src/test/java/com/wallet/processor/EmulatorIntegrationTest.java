package com.wallet.processor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A processor IT against the real Stripe emulator ({@link StripeEmulator}: its executable jar as a
 * child process, its signed webhooks turned into sealed stripe.events records as webhook-ingest
 * does). Subclasses are annotated {@code @EnabledIf("emulatorBuilt")}: skipped when the jar has not
 * been built ({@code mvn -B -pl stripe-emulator -am package -DskipTests}).
 */
abstract class EmulatorIntegrationTest extends ProcessorIntegrationTest {

    protected static StripeEmulator emulator;

    static boolean emulatorBuilt() {
        return StripeEmulator.built();
    }

    @BeforeAll
    static void useTheEmulator() {
        emulator = StripeEmulator.get();
        StripeStub.get().forwardTo(emulator.url());
    }

    @AfterAll
    static void stopForwarding() {
        StripeStub.get().forwardTo(null);
    }
}
