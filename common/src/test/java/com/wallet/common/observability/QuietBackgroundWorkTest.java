package com.wallet.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

class QuietBackgroundWorkTest {

    private final QuietBackgroundWork quiet = new QuietBackgroundWork();

    @Test
    void dropsScheduledRoundsAndSqlOutsideAnyWork() {
        assertThat(quiet.test("tasks.scheduled.execution", new Observation.Context())).isFalse();
        assertThat(quiet.test("jdbc.query", new Observation.Context())).isFalse();
    }

    @Test
    void keepsSqlInsideARequestOrARecordAndEverythingElse() {
        Observation.Context query = new Observation.Context();
        query.setParentObservation(Observation.start("http.server.requests", ObservationRegistry.create()));

        assertThat(quiet.test("jdbc.query", query)).isTrue();
        assertThat(quiet.test("spring.kafka.template", new Observation.Context())).isTrue();
        assertThat(quiet.test("http.server.requests", new Observation.Context())).isTrue();
    }
}
