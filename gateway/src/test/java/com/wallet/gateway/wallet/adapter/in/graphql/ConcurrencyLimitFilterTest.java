package com.wallet.gateway.wallet.adapter.in.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConcurrencyLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(1500), meters);
    private final AtomicInteger handled = new AtomicInteger();

    /** Runs one request through the filter; the handler holds its permit until {@code release} opens. */
    private CompletableFuture<MockHttpServletResponse> request(CountDownLatch entered, CountDownLatch release) {
        return request(filter, entered, release);
    }

    private CompletableFuture<MockHttpServletResponse> request(ConcurrencyLimitFilter filter, CountDownLatch entered,
                                                               CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, (req, res) -> {
                    handled.incrementAndGet();
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
    }

    @Test
    void aRequestThatFindsEveryPermitTakenForLongerThanTheWaitIsRefusedUnavailableWithoutBeingHandled()
            throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = request(firstIn, releaseFirst);
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = request(new CountDownLatch(1), new CountDownLatch(0)).get(5, TimeUnit.SECONDS);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode error = JsonMapper.builder().build().readTree(refused.getContentAsString()).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("extensions").path("retryAfterMs").asLong()).isEqualTo(1500);
        assertThat(handled).hasValue(1);
        assertThat(meters.counter(ConcurrencyLimitFilter.SHED_METRIC).count()).isEqualTo(1);

        releaseFirst.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        // The permit is back: the next request is handled.
        assertThat(request(new CountDownLatch(1), new CountDownLatch(0)).get(5, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aRequestWaitingWithinTheWaitIsHandledWhenAPermitFreesUp() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = request(firstIn, releaseFirst);
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();

        CountDownLatch secondIn = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> second = request(secondIn, new CountDownLatch(0));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> filter.waiting() == 1);
        releaseFirst.countDown(); // frees the permit while the second waits

        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
        assertThat(meters.counter(ConcurrencyLimitFilter.SHED_METRIC).count()).isZero();
    }

    @Test
    void whenAsManyWaitAsRunANewcomerIsRefusedAtOnceWithoutWaiting() throws Exception {
        // A queue wait far longer than the test waits for the answer: a refusal that comes proves it did not wait.
        ConcurrencyLimitFilter patient = new ConcurrencyLimitFilter(1, Duration.ofMinutes(5), meters);
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> running = request(patient, firstIn, release);
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> waiting = request(patient, new CountDownLatch(1), new CountDownLatch(0));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> patient.waiting() == 1);

        MockHttpServletResponse refused = request(patient, new CountDownLatch(1), new CountDownLatch(0))
                .get(10, TimeUnit.SECONDS);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(meters.counter(ConcurrencyLimitFilter.SHED_METRIC).count()).isEqualTo(1);
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }
}
