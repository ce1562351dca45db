package com.wallet.checker;

import java.time.Duration;
import java.util.List;

/**
 * Everything one check looks at.
 *
 * @param deadline       how long an accepted transaction may stay PENDING/PROCESSING
 * @param outboxDeadline how long an accepted command or an event may wait for its relay
 * @param stripeWindow   how far back the Stripe side reaches (null: every object, as the emulator holds)
 */
record Evidence(LedgerSnapshot ledger, List<TopicEvent> topic, StripeSide.StripeObjects stripe, Duration deadline,
                Duration outboxDeadline, Duration stripeWindow) {

    boolean stripeCovers(LedgerSnapshot.Transaction tx) {
        return stripeWindow == null || tx.age().compareTo(stripeWindow) < 0;
    }
}
