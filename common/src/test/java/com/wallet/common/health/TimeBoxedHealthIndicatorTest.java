package com.wallet.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The time box never throws: whatever the check and its thread do, /actuator/health gets a status
 * (an exception here is an HTTP 500 from the actuator, not DOWN).
 */
class TimeBoxedHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Runs the check on the calling thread: the schedule where the check is done before the caller goes on. */
    private static final Executor AT_ONCE = Runnable::run;

    @Test
    void aCheckThatAnswersBeforeTheCallerGoesOnIsItsAnswer() {
        HealthIndicator up = () -> Health.up().withDetail("nodes", 1).build();
        TimeBoxedHealthIndicator boxed = new TimeBoxedHealthIndicator(up, TIMEOUT, Duration.ofSeconds(1), AT_ONCE);

        assertThat(boxed.health().getStatus()).isEqualTo(Status.UP);
        assertThat(boxed.health().getDetails()).as("the cached answer").containsEntry("nodes", 1);
    }

    @Test
    void eachCallAfterTheCacheRunsTheCheckAgain() {
        AtomicInteger runs = new AtomicInteger();
        HealthIndicator counting = () -> Health.up().withDetail("run", runs.incrementAndGet()).build();
        TimeBoxedHealthIndicator boxed = new TimeBoxedHealthIndicator(counting, TIMEOUT, Duration.ZERO, AT_ONCE);

        assertThat(boxed.health().getDetails()).containsEntry("run", 1);
        assertThat(boxed.health().getDetails()).containsEntry("run", 2);
    }

    @Test
    void aCheckThatFailsWithAnErrorIsDownAndIsTriedAgainNextTime() {
        AtomicInteger runs = new AtomicInteger();
        HealthIndicator failsOnce = () -> {
            if (runs.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
            return Health.up().build();
        };
        TimeBoxedHealthIndicator boxed = new TimeBoxedHealthIndicator(failsOnce, TIMEOUT, Duration.ZERO, AT_ONCE);

        Health failed = boxed.health();
        assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failed.getDetails()).containsEntry("error", "StackOverflowError");
        assertThat(boxed.health().getStatus()).as("not stuck on the failed check").isEqualTo(Status.UP);
    }

    @Test
    void aClosedIndicatorIsDownInsteadOfThrowing() throws Exception {
        TimeBoxedHealthIndicator boxed = new TimeBoxedHealthIndicator("closed", () -> Health.up().build(), TIMEOUT,
                Duration.ZERO);
        boxed.close();

        assertThat(boxed.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
