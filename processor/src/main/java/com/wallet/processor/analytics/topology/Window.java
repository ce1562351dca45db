package com.wallet.processor.analytics.topology;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Tumbling windows by the transaction's creation time. A transaction stays in the window it was
 * created in while its status changes, so a reversal an hour later moves it from COMPLETED to
 * REVERSED in its original minute and day, which a stream window over event times could not undo.
 */
public enum Window {
    MINUTE(ChronoUnit.MINUTES),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Window(ChronoUnit unit) {
        this.unit = unit;
    }

    Instant start(Instant at) {
        return at.truncatedTo(unit);
    }
}
