package com.wallet.checker;

import com.stripe.StripeClient;
import java.time.Instant;
import java.util.List;

/**
 * The invariant checker of contract section 6 (`bin/wallet check`). It reads the database, the
 * whole wallet.transactions topic and the Stripe side, in an order that lets it run against a live
 * system without false alarms:
 * <ol>
 *   <li>the database clock (the cut-off): an event marked published before it was acknowledged by
 *       Kafka before it, so it must be among the records read;</li>
 *   <li>the topic's end offsets, then the database in one snapshot: every record up to those offsets
 *       was relayed from a row the snapshot holds, and every movement the balances include has its
 *       event in the snapshot (on the topic or still on its way);</li>
 *   <li>Stripe last: Stripe moves first (charge, then credit), so whatever the ledger shows settled,
 *       Stripe already shows.</li>
 * </ol>
 */
public final class InvariantChecker {

    private static final List<Invariant> INVARIANTS = List.of(
            new LedgerInvariants.BalanceNotNegative(),
            new LedgerInvariants.BalanceEqualsPostings(),
            new LedgerInvariants.PostingsSumToZero(),
            new PostingShapes.DoubleEntry(),
            new PostingShapes.AppliedAtMostOnce(),
            new FinalBeforeDeadline(),
            new TopicInvariants.CompleteAndOrdered(),
            new TopicInvariants.FoldEqualsBalances(),
            new StripeInvariants.PaymentIntentsCreditedOnce(),
            new StripeInvariants.TransfersMatchDebits(),
            new StripeInvariants.DisagreementsResolved());

    private final CheckerConfig config;

    public InvariantChecker(CheckerConfig config) {
        this.config = config;
    }

    /** @throws CheckFailedException when a source cannot be read (no verdict either way) */
    public Report run() {
        JdbcLedgerReader database = new JdbcLedgerReader(config.jdbcUrl(), config.databaseUser(), config.databasePassword());
        try (KafkaTopicReader topic = new KafkaTopicReader(config.kafkaBootstrap(), config.topic())) {
            Instant cutoff = database.now();
            topic.markEnd();
            LedgerSnapshot ledger = database.read(cutoff);
            List<TopicEvent> events = topic.readToEnd();
            StripeSide.StripeObjects stripe = stripeSide().read();
            Evidence evidence = new Evidence(ledger, events, stripe, config.deadline(), config.outboxDeadline(),
                    config.stripeEmulator() == null ? config.stripeWindow() : null);
            return check(evidence);
        }
    }

    private StripeSide stripeSide() {
        if (config.stripeEmulator() != null) {
            return new EmulatorStripeSide(config.stripeEmulator());
        }
        if (config.stripeApiKey() != null) {
            StripeClient client = StripeClient.builder().setApiKey(config.stripeApiKey()).setMaxNetworkRetries(3).build();
            return new StripeApiSide(client, Instant.now().minus(config.stripeWindow()));
        }
        return StripeSide.StripeObjects::none;
    }

    /** Runs the invariants over evidence already gathered (tests build it by hand). */
    static Report check(Evidence evidence) {
        return new Report(INVARIANTS.stream().map(i -> i.check(evidence)).toList());
    }
}
