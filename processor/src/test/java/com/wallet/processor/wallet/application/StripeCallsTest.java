package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.TransactionRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wallet.common.messaging.TransactionStatus;
import com.wallet.common.messaging.TransactionType;
import com.wallet.common.observability.RequestId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeCallsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private StripeCalls calls;

    @AfterEach
    void stop() {
        release.countDown();
        if (calls != null && calls.isRunning()) {
            calls.stop();
        }
    }

    private StripeCalls started(int threads, int queue, Duration shutdownWait) {
        calls = new StripeCalls(new StripeCallsProperties(threads, queue, shutdownWait), meters);
        calls.start();
        return calls;
    }

    private static StripeCall callFor(TransactionType type, Supplier<Outcome> call) {
        return StripeCall.of(new TransactionRecord(UUID.randomUUID(), UUID.randomUUID(), null, type,
                TransactionStatus.PROCESSING, 100, "USD", null, null, null, null, "req-of-the-row"), call);
    }

    private Outcome held() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.COMPLETED;
    }

    private long recorded(String type, String outcome) {
        Timer timer = meters.find("wallet.stripe.calls").tag("type", type).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void answersProcessingAtOnceAndMakesTheCallOnAStripeCallsThread() {
        StripeCalls calls = started(2, 10, Duration.ofSeconds(5));
        AtomicReference<String> thread = new AtomicReference<>();

        Outcome outcome = calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> {
            thread.set(Thread.currentThread().getName());
            return held();
        }));

        assertThat(outcome).isEqualTo(Outcome.PROCESSING);
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.get() != null);
        assertThat(thread.get()).startsWith("stripe-calls-");
        assertThat(meters.get("wallet.stripe.calls.active").gauge().value()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded("WITHDRAWAL", "COMPLETED") == 1);
    }

    @Test
    void answersTheCommandsOwnOutcomeWhenNoCallIsLeft() {
        StripeCalls calls = started(1, 1, Duration.ofSeconds(1));

        assertThat(calls.handOff(StripeCall.none(Outcome.DUPLICATE))).isEqualTo(Outcome.DUPLICATE);
        assertThat(meters.find("wallet.stripe.calls").timers()).isEmpty();
    }

    @Test
    void carriesTheRequestIdAndTheObservationOfTheCallerOntoTheThread() {
        StripeCalls calls = started(1, 10, Duration.ofSeconds(5));
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(context -> true);
        Observation consumer = Observation.start("record", observations);
        AtomicReference<String> requestId = new AtomicReference<>();
        AtomicReference<Observation> observation = new AtomicReference<>();

        try (RequestId.Scope ignored = RequestId.open("req-from-the-record");
             Observation.Scope alsoIgnored = consumer.openScope()) {
            calls.handOff(callFor(TransactionType.DEPOSIT, () -> {
                requestId.set(RequestId.current());
                observation.set(observations.getCurrentObservation());
                return Outcome.PROCESSING;
            }));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> recorded("DEPOSIT", "PROCESSING") == 1);
        assertThat(requestId.get()).isEqualTo("req-from-the-record");
        assertThat(observation.get()).isSameAs(consumer);
        consumer.stop();
    }

    @Test
    void takesTheRowsRequestIdWhenTheCallerHasNone() {
        StripeCalls calls = started(1, 10, Duration.ofSeconds(5));
        AtomicReference<String> requestId = new AtomicReference<>();

        calls.handOff(callFor(TransactionType.DEPOSIT, () -> {
            requestId.set(RequestId.current());
            return Outcome.PROCESSING;
        }));

        await().atMost(Duration.ofSeconds(5)).until(() -> requestId.get() != null);
        assertThat(requestId.get()).isEqualTo("req-of-the-row");
    }

    @Test
    void makesTheCallOnTheCallersThreadWhenEveryThreadIsBusyAndTheQueueIsFull() {
        StripeCalls calls = started(1, 1, Duration.ofSeconds(5));
        calls.handOff(callFor(TransactionType.WITHDRAWAL, this::held)); // in flight
        await().atMost(Duration.ofSeconds(5)).until(() -> meters.get("wallet.stripe.calls.active").gauge().value() == 1);
        calls.handOff(callFor(TransactionType.WITHDRAWAL, this::held)); // queued
        assertThat(meters.get("wallet.stripe.calls.queued").gauge().value()).isEqualTo(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        Outcome third = calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> {
            ranOn.set(Thread.currentThread());
            return Outcome.FAILED;
        }));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(third).isEqualTo(Outcome.PROCESSING); // its answer is recorded like any other's
        assertThat(recorded("WITHDRAWAL", "FAILED")).isEqualTo(1);
        assertThat(meters.get("wallet.stripe.calls.on.caller").counter().count()).isEqualTo(1);
    }

    @Test
    void aCallThatThrowsIsLeftToTheReconcilerAndTheThreadGoesOn() {
        StripeCalls calls = started(1, 10, Duration.ofSeconds(5));

        calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> {
            throw new IllegalStateException("database down");
        }));
        calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> Outcome.COMPLETED));

        await().atMost(Duration.ofSeconds(5)).until(() -> recorded("WITHDRAWAL", "COMPLETED") == 1);
        assertThat(recorded("WITHDRAWAL", "ERROR")).isEqualTo(1);
    }

    @Test
    void stoppingWaitsForTheCallsInFlightAndQueued() throws Exception {
        StripeCalls calls = started(1, 10, Duration.ofSeconds(10));
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch stripeAnswers = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean();
        AtomicBoolean second = new AtomicBoolean();
        calls.handOff(callFor(TransactionType.DEPOSIT, () -> {
            inFlight.countDown();
            try {
                stripeAnswers.await(10, TimeUnit.SECONDS); // a Stripe that answers when the test says so
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            first.set(true);
            return Outcome.PROCESSING;
        }));
        calls.handOff(callFor(TransactionType.DEPOSIT, () -> {
            second.set(true);
            return Outcome.PROCESSING;
        }));
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.getCount() == 0);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(calls::stop);
        await().atMost(Duration.ofSeconds(5)).until(() -> !calls.isRunning()); // stop() has begun
        assertThat(stopping).isNotDone(); // and waits for the call Stripe has not answered
        stripeAnswers.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(calls.isRunning()).isFalse();
    }

    @Test
    void stoppingGivesUpAfterTheWaitAndRefusesLaterCallsForTheReconciler() {
        StripeCalls calls = started(1, 10, Duration.ofMillis(200));
        AtomicBoolean interrupted = new AtomicBoolean();
        calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> {
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS); // a Stripe that never answers
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return Outcome.PROCESSING;
        }));
        AtomicBoolean late = new AtomicBoolean();

        long start = System.nanoTime();
        calls.stop();
        Outcome afterStop = calls.handOff(callFor(TransactionType.WITHDRAWAL, () -> {
            late.set(true);
            return Outcome.COMPLETED;
        }));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
        assertThat(afterStop).isEqualTo(Outcome.PROCESSING); // the row stays PROCESSING: the reconciler's
        assertThat(late).isFalse();
    }

}
