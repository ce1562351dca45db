package com.wallet.common.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Keeps tracing to the work a request or a record causes. Scheduled rounds (the outbox relay every
 * 100 ms, relays and reconcilers every second) would otherwise make a trace each, mostly of an
 * empty SELECT, and SQL run outside any span (Flyway, the rounds themselves) one trace per
 * statement. What such a round sends to Kafka is still traced: a producer span starts its own trace.
 */
public final class QuietBackgroundWork implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        if (name.equals("tasks.scheduled.execution")) {
            return false;
        }
        return !name.startsWith("jdbc.") || context.getParentObservation() != null;
    }
}
