package com.wallet.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 6.7: money crosses the Stripe boundary exactly once, the ledger against what Stripe holds. A
 * deposit or withdrawal still PENDING or PROCESSING is in flight and judged by 6.4, not here.
 */
final class StripeInvariants {

    private StripeInvariants() {
    }

    /** Every succeeded PaymentIntent credited once, for its amount and currency; no credit without one. */
    static final class PaymentIntentsCreditedOnce implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Map<UUID, LedgerSnapshot.Transaction> txs = e.ledger().transactions();
            Map<String, StripeSide.PaymentIntent> byId = new HashMap<>();
            Map<UUID, List<StripeSide.PaymentIntent>> succeededByTx = new HashMap<>();
            int unlinked = 0;
            for (StripeSide.PaymentIntent pi : e.stripe().paymentIntents()) {
                byId.put(pi.id(), pi);
                UUID txId = uuid(pi.transactionId());
                if (txId == null) {
                    unlinked++;
                    continue;
                }
                if ("succeeded".equals(pi.status())) {
                    succeededByTx.computeIfAbsent(txId, k -> new ArrayList<>()).add(pi);
                }
            }
            Map<UUID, Long> credited = credits(e.ledger(), "DEPOSIT");
            succeededByTx.forEach((txId, intents) -> {
                LedgerSnapshot.Transaction tx = txs.get(txId);
                StripeSide.PaymentIntent pi = intents.get(0);
                if (intents.size() > 1) {
                    violations.add("deposit " + txId + " charged " + intents.size() + " times: "
                            + intents.stream().map(StripeSide.PaymentIntent::id).toList());
                }
                if (tx == null || !tx.type().equals("DEPOSIT")) {
                    violations.add("PaymentIntent " + pi.id() + " succeeded for " + txId + ", which is no deposit");
                    return;
                }
                switch (tx.status()) {
                    case "COMPLETED" -> {
                        long charged = pi.amountReceived() > 0 ? pi.amountReceived() : pi.amount();
                        long got = credited.getOrDefault(txId, 0L);
                        if (!pi.id().equals(tx.paymentIntentId())) {
                            violations.add("deposit " + txId + " credited against " + tx.paymentIntentId()
                                    + ", Stripe charged " + pi.id());
                        }
                        if (got != charged) {
                            violations.add("deposit " + txId + " credited " + got + ", PaymentIntent " + pi.id()
                                    + " charged " + charged);
                        }
                        if (!pi.currency().equalsIgnoreCase(tx.currency())) {
                            violations.add("deposit " + txId + " in " + tx.currency() + ", PaymentIntent " + pi.id()
                                    + " charged in " + pi.currency());
                        }
                    }
                    case "PENDING", "PROCESSING" -> { } // the webhook or the reconciler has yet to settle it
                    default -> violations.add("PaymentIntent " + pi.id() + " succeeded but deposit " + txId + " is "
                            + tx.status() + (tx.failureReason() == null ? "" : " " + tx.failureReason())
                            + ": charged, not credited");
                }
            });
            int deposits = 0;
            for (LedgerSnapshot.Transaction tx : txs.values()) {
                if (!tx.type().equals("DEPOSIT")) {
                    continue;
                }
                deposits++;
                if (credited.getOrDefault(tx.id(), 0L) == 0 || !e.stripeCovers(tx)) {
                    continue;
                }
                StripeSide.PaymentIntent pi = tx.paymentIntentId() == null ? null : byId.get(tx.paymentIntentId());
                if (pi == null || !"succeeded".equals(pi.status())) {
                    violations.add("deposit " + tx.id() + " credited " + credited.get(tx.id()) + " without a succeeded "
                            + "PaymentIntent (" + (pi == null ? "Stripe has no " + tx.paymentIntentId() : pi.id() + " is " + pi.status()) + ")");
                }
            }
            refunds(e, byId, violations);
            if (unlinked > 0) {
                notes.add(unlinked + " PaymentIntent(s) without metadata transaction_id (not created by the processor)");
            }
            return new InvariantResult("stripe-payment-intents-credited-once",
                    e.stripe().paymentIntents().size() + " PaymentIntents, " + e.stripe().charges().size() + " charges, "
                            + deposits + " deposits", violations, notes);
        }

        /** What was taken back for refunds never exceeds what Stripe refunded. */
        private static void refunds(Evidence e, Map<String, StripeSide.PaymentIntent> intents, List<String> violations) {
            Map<UUID, Long> takenBack = new HashMap<>();
            for (LedgerSnapshot.PostingGroup g : e.ledger().postingGroups()) {
                if (g.kind().equals("REFUND") && g.account().equals("STRIPE_CLEARING")) {
                    takenBack.merge(g.transactionId(), g.sum(), Long::sum);
                }
            }
            Map<UUID, Long> refunded = new HashMap<>();
            for (StripeSide.Charge charge : e.stripe().charges()) {
                StripeSide.PaymentIntent pi = charge.paymentIntentId() == null ? null : intents.get(charge.paymentIntentId());
                UUID txId = pi == null ? null : uuid(pi.transactionId());
                if (txId != null) {
                    refunded.merge(txId, charge.amountRefunded(), Long::sum);
                }
            }
            takenBack.forEach((txId, amount) -> {
                long atStripe = refunded.getOrDefault(txId, 0L);
                LedgerSnapshot.Transaction tx = e.ledger().transactions().get(txId);
                if (amount > atStripe && tx != null && e.stripeCovers(tx)) {
                    violations.add("deposit " + txId + ": " + amount + " taken back for refunds, Stripe refunded " + atStripe);
                }
            });
        }
    }

    /** Every Transfer matched by one withdrawal debit; no withdrawal given back while its Transfer stands. */
    static final class TransfersMatchDebits implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Map<UUID, LedgerSnapshot.Transaction> txs = e.ledger().transactions();
            Map<String, StripeSide.Transfer> byId = new HashMap<>();
            Map<UUID, List<StripeSide.Transfer>> byTx = new HashMap<>();
            int unlinked = 0;
            for (StripeSide.Transfer tr : e.stripe().transfers()) {
                byId.put(tr.id(), tr);
                UUID txId = uuid(tr.transactionId());
                if (txId == null) {
                    unlinked++;
                } else {
                    byTx.computeIfAbsent(txId, k -> new ArrayList<>()).add(tr);
                }
            }
            Map<UUID, Long> debited = credits(e.ledger(), "WITHDRAWAL");
            Map<UUID, Long> creditedBack = credits(e.ledger(), "WITHDRAWAL_REVERSAL");
            byTx.forEach((txId, transfers) -> {
                LedgerSnapshot.Transaction tx = txs.get(txId);
                StripeSide.Transfer tr = transfers.get(0);
                if (transfers.size() > 1) {
                    violations.add("withdrawal " + txId + " paid out " + transfers.size() + " times: "
                            + transfers.stream().map(StripeSide.Transfer::id).toList());
                }
                if (tx == null || !tx.type().equals("WITHDRAWAL")) {
                    violations.add("Transfer " + tr.id() + " for " + txId + ", which is no withdrawal");
                    return;
                }
                long debit = -debited.getOrDefault(txId, 0L);
                if (debit == 0) {
                    violations.add("Transfer " + tr.id() + " of " + tr.amount() + " but withdrawal " + txId + " ("
                            + tx.status() + ") debited nothing");
                    return;
                }
                if (tr.amount() != debit || !tr.currency().equalsIgnoreCase(tx.currency())) {
                    violations.add("Transfer " + tr.id() + " of " + tr.amount() + " " + tr.currency() + " but withdrawal "
                            + txId + " debited " + debit + " " + tx.currency());
                }
                long back = creditedBack.getOrDefault(txId, 0L);
                if (tx.status().equals("FAILED") && tr.amountReversed() < tr.amount()) {
                    violations.add("withdrawal " + txId + " given back (FAILED " + tx.failureReason() + ") while Transfer "
                            + tr.id() + " stands (" + (tr.amount() - tr.amountReversed()) + " paid out)");
                } else if (back > tr.amountReversed()) {
                    violations.add("withdrawal " + txId + " credited back " + back + ", Stripe reversed "
                            + tr.amountReversed() + " of Transfer " + tr.id());
                } else if (back < tr.amountReversed() && !tx.status().equals("PROCESSING")) {
                    violations.add("withdrawal " + txId + " credited back " + back + ", Stripe reversed "
                            + tr.amountReversed() + " of Transfer " + tr.id() + " (reversal not credited)");
                }
            });
            int withdrawals = 0;
            for (LedgerSnapshot.Transaction tx : txs.values()) {
                if (!tx.type().equals("WITHDRAWAL")) {
                    continue;
                }
                withdrawals++;
                if ((tx.status().equals("COMPLETED") || tx.status().equals("REVERSED")) && e.stripeCovers(tx)
                        && !byTx.containsKey(tx.id()) && (tx.transferId() == null || !byId.containsKey(tx.transferId()))) {
                    violations.add("withdrawal " + tx.id() + " " + tx.status() + " but Stripe has no Transfer for it"
                            + (tx.transferId() == null ? "" : " (recorded " + tx.transferId() + ")"));
                }
            }
            if (unlinked > 0) {
                notes.add(unlinked + " Transfer(s) without metadata transaction_id (not created by the processor)");
            }
            return new InvariantResult("stripe-transfers-match-debits",
                    e.stripe().transfers().size() + " Transfers, " + withdrawals + " withdrawals", violations, notes);
        }
    }

    /** Stripe reports that disagreed with our record moved nothing; each waits for an operator until resolved. */
    static final class DisagreementsResolved implements Invariant {
        @Override
        public InvariantResult check(Evidence e) {
            List<String> violations = new ArrayList<>();
            for (LedgerSnapshot.Disagreement d : e.ledger().openDisagreements()) {
                violations.add("transaction " + d.transactionId() + ": Stripe reported " + d.field() + " " + d.reported()
                        + " (" + d.stripeObjectId() + "), our record says " + d.recorded() + " (unresolved)");
            }
            return InvariantResult.of("stripe-disagreements-resolved",
                    e.ledger().openDisagreements().size() + " open disagreements", violations);
        }
    }

    /** Per transaction, the sum of its WALLET postings of one kind. */
    private static Map<UUID, Long> credits(LedgerSnapshot ledger, String kind) {
        Map<UUID, Long> sums = new HashMap<>();
        for (LedgerSnapshot.PostingGroup g : ledger.postingGroups()) {
            if (g.kind().equals(kind) && g.account().equals("WALLET")) {
                sums.merge(g.transactionId(), g.sum(), Long::sum);
            }
        }
        return sums;
    }

    static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
